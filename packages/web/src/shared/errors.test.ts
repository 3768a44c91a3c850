import { describe, expect, it } from 'vitest';
import { ApiError } from './api.ts';
import { relativeTo } from './errors.ts';

describe('field problems of one part of a request', () => {
  it('are named by the fields of the form that filled that part', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', '提交的内容有误', undefined, [
      { path: '/action/opinion', message: '不能为空' },
      { path: '/expectedVersion', message: '此项为必填项' },
    ]);
    const moved = relativeTo(error, '/action') as ApiError;
    expect(moved.errors.map((problem) => problem.path)).toEqual(['/opinion', '/expectedVersion']);
    expect(moved.code).toBe('VALIDATION_FAILED');
  });

  it('leaves other errors and other parts as they are', () => {
    const error = new ApiError(400, 'VALIDATION_FAILED', '提交的内容有误', undefined, [{ path: '/actions/x', message: 'x' }]);
    expect(relativeTo(error, '/action')).toBe(error);
    expect(relativeTo(new Error('boom'), '/action')).toBeInstanceOf(Error);
  });
});
