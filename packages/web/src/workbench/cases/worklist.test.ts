import { describe, expect, it } from 'vitest';
import { boxesFor, defaultBox } from './worklist.ts';

describe('the worklist boxes a role sees', () => {
  it('gives clerks and reviewers every box, opening on 待办', () => {
    expect(boxesFor(['reviewer'])).toEqual(['todo', 'done', 'due_soon', 'overdue', 'suspended', 'all']);
    expect(defaultBox(['clerk'])).toBe('todo');
  });

  it('opens a supervisor (监察) on the overdue cases of the region, without 待办 or 已办', () => {
    expect(boxesFor(['supervisor'])).toEqual(['due_soon', 'overdue', 'suspended', 'all']);
    expect(defaultBox(['supervisor'])).toBe('overdue');
  });

  it('keeps 已办 for a hall manager, who approves extensions but is never a step’s handler', () => {
    expect(boxesFor(['hall_manager'])).toEqual(['done', 'due_soon', 'overdue', 'suspended', 'all']);
    expect(defaultBox(['hall_manager', 'supervisor'])).toBe('overdue');
    expect(defaultBox(['hall_manager', 'clerk'])).toBe('todo');
  });
});
