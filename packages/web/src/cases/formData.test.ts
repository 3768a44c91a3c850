import { describe, expect, it } from 'vitest';
import type { FormField } from '@onewindow/domain';
import { formatFieldValue, tableRows, visibleFields } from './formData.ts';

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
