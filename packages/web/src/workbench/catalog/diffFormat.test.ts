import { describe, expect, it } from 'vitest';
import { codeSetOf, formatDiffValue, type DiffLabels } from './diffFormat.ts';

const labels: DiffLabels = {
  code: (set, value) => `${set}:${value}`,
  role: (role) => `role:${role}`,
  yes: '是',
  no: '否',
  empty: '（空）',
  limit: (amount, unit) => `${amount} ${unit}`,
};

describe('a changed guide value in the version history', () => {
  it('shows codes by their label, wherever the field sits', () => {
    expect(codeSetOf('/caseType')).toBe('caseType');
    expect(codeSetOf('/materials/id-card/necessity')).toBe('necessity');
    expect(codeSetOf('/steps/accept/role')).toBe('role');
    expect(formatDiffValue('/handlingForms', ['1', '2'], labels)).toBe('handlingForm:1、handlingForm:2');
    expect(formatDiffValue('/materials/id-card/type', 'copy', labels)).toBe('materialType:copy');
  });

  it('does not take the application form for a material form', () => {
    expect(codeSetOf('/form')).toBeNull();
  });

  it('reads yes/no, empty values, time limits and whole materials in words', () => {
    expect(formatDiffValue('/charged', true, labels)).toBe('是');
    expect(formatDiffValue('/visitsReason', '', labels)).toBe('（空）');
    expect(formatDiffValue('/promisedLimit', { amount: 5, unit: 'workday', note: '' }, labels)).toBe('5 workday');
    expect(formatDiffValue('/materials/new', { id: 'new', name: '营业执照', necessity: 'required' }, labels)).toBe('营业执照');
  });
});
