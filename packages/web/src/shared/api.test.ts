import { describe, expect, it } from 'vitest';
import { parseProblem, withQuery } from './api.ts';
import { pointerToNamePath } from './errors.ts';

describe('a problem+json answer', () => {
  it('keeps the code, the Chinese title and the field errors', () => {
    const error = parseProblem(400, {
      type: 'https://onewindow.gov.cn/problems/validation-failed',
      title: '提交的内容有误，请按提示修改',
      status: 400,
      code: 'VALIDATION_FAILED',
      errors: [{ path: '/idNumber', message: '身份证号码校验位不正确，请核对后重新输入' }, { path: 3 }],
    });
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.title).toBe('提交的内容有误，请按提示修改');
    expect(error.errors).toEqual([{ path: '/idNumber', message: '身份证号码校验位不正确，请核对后重新输入' }]);
  });

  it('still becomes an ApiError when a proxy answers with something else', () => {
    const error = parseProblem(502, null);
    expect(error.code).toBe('HTTP_502');
    expect(error.errors).toEqual([]);
  });
});

describe('a field error path', () => {
  it('points at a top-level field or a field inside a list', () => {
    expect(pointerToNamePath('/idNumber')).toEqual(['idNumber']);
    expect(pointerToNamePath('/roles/0/regionCode')).toEqual(['roles', 0, 'regionCode']);
  });
});

describe('query strings', () => {
  it('leave out empty filters', () => {
    expect(withQuery('/api/audit', { actor: '王', outcome: undefined, cursor: null, action: '' })).toBe(
      '/api/audit?actor=%E7%8E%8B',
    );
    expect(withQuery('/api/org/halls', {})).toBe('/api/org/halls');
  });
});
