import { describe, expect, it } from 'vitest';
import type { FormField } from '@onewindow/domain';
import { formatFieldValue, formatYuan, tableRows, visibleFields } from './formData.ts';

const words = { regionName: (code: string) => ({ '1301': '石家庄市' })[code], formatDate: (iso: string) => `D(${iso})` };

describe('form data as staff and applicants read it', () => {
  it('shows a choice by its label, a region by its name and a date in the language’s words', () => {
    const select: FormField = { key: 'hasName', label: '是否已核名', type: 'select', options: [{ value: 'no', label: '否' }] };
    expect(formatFieldValue(select, 'no', words)).toBe('否');
    expect(formatFieldValue({ key: 'r', label: '区划', type: 'region' }, '1301', words)).toBe('石家庄市');
    expect(formatFieldValue({ key: 'r', label: '区划', type: 'region' }, '9999', words)).toBe('9999');
    expect(formatFieldValue({ key: 'd', label: '日期', type: 'date' }, '2026-12-02', words)).toBe('D(2026-12-02)');
    expect(formatFieldValue({ key: 'n', label: '金额', type: 'number' }, 1200, words)).toBe('1200');
  });

  it('writes an amount in 元 with two decimals, and other numbers as entered', () => {
    expect(formatFieldValue({ key: 'amount', label: '金额（元）', type: 'number' }, 356.5, words)).toBe('356.50');
    expect(formatFieldValue({ key: 'rent', label: '月租金(元)', type: 'number' }, 1200, words)).toBe('1200.00');
    expect(formatFieldValue({ key: 'capital', label: '注册资本（万元）', type: 'number' }, 12.5, words)).toBe('12.5');
    expect(formatFieldValue({ key: 'area', label: '建筑面积（平方米）', type: 'number' }, 88.5, words)).toBe('88.5');
  });

  it('never rounds away a decimal the applicant entered', () => {
    expect(formatYuan(0)).toBe('0.00');
    expect(formatYuan(-3.5)).toBe('-3.50');
    expect(formatYuan(356.57)).toBe('356.57');
    expect(formatYuan(0.125)).toBe('0.125');
  });

  it('says nothing was entered for an empty value', () => {
    expect(formatFieldValue({ key: 't', label: '备注', type: 'text' }, '', words)).toBeNull();
    expect(formatFieldValue({ key: 't', label: '备注', type: 'text' }, undefined, words)).toBeNull();
  });

  it('leaves out the fields a condition hid from the applicant', () => {
    const fields: FormField[] = [
      { key: 'hasName', label: '是否已核名', type: 'select' },
      { key: 'name', label: '名称', type: 'text', visibleWhen: { field: 'hasName', in: ['yes'] } },
    ];
    expect(visibleFields(fields, { hasName: 'no' }).map((field) => field.key)).toEqual(['hasName']);
    expect(visibleFields(fields, { hasName: 'yes' }).map((field) => field.key)).toEqual(['hasName', 'name']);
  });

  it('reads table rows defensively', () => {
    expect(tableRows([{ a: 1 }, 'x', null, [1]])).toEqual([{ a: 1 }]);
    expect(tableRows('nope')).toEqual([]);
  });
});
