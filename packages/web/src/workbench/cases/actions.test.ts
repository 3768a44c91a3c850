import { describe, expect, it } from 'vitest';
import type { RoleAssignment } from '../../shared/types.ts';
import { actionsFor, type CaseForActions } from './actions.ts';

const APPROVAL = 'dept-approval';
const MARKET = 'dept-market';

function staff(id: string, ...roles: Partial<RoleAssignment>[]) {
  return {
    id,
    roles: roles.map((role) => ({ role: 'clerk', regionCode: '1301', regionName: '石家庄市', departmentId: null, departmentName: null, ...role }) as RoleAssignment),
  };
}

const clerk = staff('c1', { role: 'clerk' });
const reviewer = staff('r1', { role: 'reviewer', departmentId: APPROVAL });
const otherReviewer = staff('r2', { role: 'reviewer', departmentId: APPROVAL });
const marketReviewer = staff('r3', { role: 'reviewer', departmentId: MARKET });
const hallManager = staff('h1', { role: 'hall_manager' });
const supervisor = staff('s1', { role: 'supervisor' });
const countyClerk = staff('c2', { role: 'clerk', regionCode: '130123' });

function inReview(overrides: Partial<CaseForActions> = {}): CaseForActions {
  return {
    allowedActions: ['complete_step', 'start_special', 'request_extension', 'withdraw'],
    pendingRole: 'reviewer',
    regionCode: '1301',
    departmentId: APPROVAL,
    pendingDepartmentId: null,
    extensionRequestedBy: null,
    ...overrides,
  };
}

describe('the actions a staff member is offered on a case', () => {
  it('offers the review step to the reviewer of the department it waits in, and 撤回 only to the window', () => {
    expect(actionsFor(inReview(), reviewer)).toEqual(['complete_step', 'start_special', 'request_extension']);
    expect(actionsFor(inReview(), clerk)).toEqual(['withdraw']);
  });

  it('offers nothing to a reviewer of another department, a supervisor, or a clerk of another region', () => {
    expect(actionsFor(inReview(), marketReviewer)).toEqual([]);
    expect(actionsFor(inReview(), supervisor)).toEqual([]);
    expect(actionsFor(inReview(), countyClerk)).toEqual([]);
  });

  it('follows a step that belongs to another department', () => {
    const atMarket = inReview({ pendingDepartmentId: MARKET });
    expect(actionsFor(atMarket, marketReviewer)).toContain('complete_step');
    expect(actionsFor(atMarket, reviewer)).toEqual([]);
  });

  it('puts 受理 first for the clerk of a received case, 不予受理 last', () => {
    const received = inReview({ allowedActions: ['accept', 'request_correction', 'refuse', 'withdraw'], pendingRole: 'clerk' });
    expect(actionsFor(received, clerk)).toEqual(['accept', 'request_correction', 'refuse', 'withdraw']);
    expect(actionsFor(received, reviewer)).toEqual([]);
  });

  it('lets a second person approve an extension, never the one who asked for it', () => {
    const asked = inReview({ allowedActions: ['complete_step', 'decide_extension', 'withdraw'], extensionRequestedBy: 'r1' });
    expect(actionsFor(asked, reviewer)).toEqual(['complete_step']);
    expect(actionsFor(asked, otherReviewer)).toEqual(['complete_step', 'decide_extension']);
    expect(actionsFor(asked, hallManager)).toEqual(['decide_extension']);
  });

  it('offers only what the state admits', () => {
    expect(actionsFor(inReview({ allowedActions: [] }), reviewer)).toEqual([]);
    expect(actionsFor(inReview({ allowedActions: ['decide'] }), reviewer)).toEqual(['decide']);
  });
});
