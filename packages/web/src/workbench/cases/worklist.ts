// The worklist's boxes (待办、已办、即将超期、已超期、挂起、全部) as each role uses them.
import type { Role } from '@onewindow/domain';

export const BOXES = ['todo', 'done', 'due_soon', 'overdue', 'suspended', 'all'] as const;
export type Box = (typeof BOXES)[number];

/** Roles a case step can wait for, so that a case lands in their 待办. */
const STEP_ROLES: readonly Role[] = ['clerk', 'reviewer'];

/**
 * 待办 for those a step waits for; 已办 for everyone who acts (a hall manager approves extensions); supervisors (监察)
 * only watch their region's deadlines.
 */
export function boxesFor(roles: readonly Role[]): Box[] {
  if (roles.some((role) => STEP_ROLES.includes(role))) return [...BOXES];
  if (roles.includes('hall_manager')) return BOXES.filter((box) => box !== 'todo');
  return BOXES.filter((box) => box !== 'todo' && box !== 'done');
}

/** Where the page opens: the work waiting for you, or for those who oversee, the cases past their deadline. */
export function defaultBox(roles: readonly Role[]): Box {
  return roles.some((role) => STEP_ROLES.includes(role)) ? 'todo' : 'overdue';
}

export function isBox(value: string | null): value is Box {
  return value !== null && (BOXES as readonly string[]).includes(value);
}
