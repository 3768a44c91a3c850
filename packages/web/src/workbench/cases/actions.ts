// Which of the actions a case's state admits (allowedActions, from the shared reducer) this staff member is offered.
// The server decides in the end (policy, the step's role, its department); this keeps the panel to the buttons that
// can succeed, so a reviewer is not offered 受理 and a clerk is not offered the review step.
import { DEPARTMENT_SCOPED_ROLES, isInRegion, type CaseEventType, type Role } from '@onewindow/domain';
import type { RoleAssignment } from '../../shared/types.ts';

/** What staff do on a case; 提交 and 补正逾期 are the applicant's and the system's. */
export type StaffAction = Exclude<CaseEventType, 'submit' | 'correction_expired'>;

interface Rule {
  /** Roles the server's policy lets take the action. */
  roles: readonly Role[];
  /** Taken by whoever holds the role the case waits for (the step's role); otherwise by any holder of `roles`. */
  byHandler: boolean;
}

const WINDOW: readonly Role[] = ['clerk'];
const INTAKE: readonly Role[] = ['clerk', 'reviewer'];

const RULES: Record<StaffAction, Rule> = {
  accept: { roles: INTAKE, byHandler: true },
  request_correction: { roles: INTAKE, byHandler: true },
  refuse: { roles: INTAKE, byHandler: true },
  // Corrected or outstanding materials, and a withdrawal, are brought to the window while nobody or a reviewer is due.
  resubmit: { roles: WINDOW, byHandler: false },
  deferred_received: { roles: WINDOW, byHandler: false },
  withdraw: { roles: WINDOW, byHandler: false },
  complete_step: { roles: INTAKE, byHandler: true },
  send_back: { roles: INTAKE, byHandler: true },
  start_special: { roles: INTAKE, byHandler: true },
  end_special: { roles: INTAKE, byHandler: true },
  request_extension: { roles: INTAKE, byHandler: true },
  // Approved by a second person: another reviewer or the hall manager (延期须另一人批准).
  decide_extension: { roles: ['reviewer', 'hall_manager'], byHandler: false },
  decide: { roles: INTAKE, byHandler: true },
  complete: { roles: INTAKE, byHandler: true },
  deliver: { roles: INTAKE, byHandler: true },
};

/** The order of the panel: the step's main action first, the ones that end a case last. */
const ORDER: readonly StaffAction[] = [
  'accept', 'complete_step', 'decide', 'complete', 'deliver', 'request_correction', 'resubmit', 'deferred_received',
  'send_back', 'start_special', 'end_special', 'request_extension', 'decide_extension', 'refuse', 'withdraw',
];

export interface CaseForActions {
  allowedActions: readonly string[];
  pendingRole: Role | null;
  regionCode: string;
  /** The implementing department. */
  departmentId: string;
  /** The department of the step now due, when it is another one. */
  pendingDepartmentId: string | null;
  /** Who asked for the 延期 awaiting approval. */
  extensionRequestedBy: string | null;
}

export interface Staff {
  id: string;
  roles: readonly RoleAssignment[];
}

function covers(assignment: RoleAssignment, regionCode: string, departmentIds: (string | null)[]): boolean {
  if (!isInRegion(regionCode, assignment.regionCode)) return false;
  if (!DEPARTMENT_SCOPED_ROLES.includes(assignment.role) || assignment.departmentId === null) return true;
  return departmentIds.includes(assignment.departmentId);
}

function holds(me: Staff, roles: readonly Role[], regionCode: string, departmentIds: (string | null)[]): boolean {
  return me.roles.some((assignment) => roles.includes(assignment.role) && covers(assignment, regionCode, departmentIds));
}

/** The actions to offer `me` on the case, in the panel's order. */
export function actionsFor(caseFile: CaseForActions, me: Staff): StaffAction[] {
  const stepDepartment = caseFile.pendingDepartmentId ?? caseFile.departmentId;
  return ORDER.filter((action) => {
    if (!caseFile.allowedActions.includes(action)) return false;
    const rule = RULES[action];
    if (action === 'decide_extension' && caseFile.extensionRequestedBy === me.id) return false;
    if (rule.byHandler) {
      const role = caseFile.pendingRole;
      return role !== null && rule.roles.includes(role) && holds(me, [role], caseFile.regionCode, [stepDepartment]);
    }
    return holds(me, rule.roles, caseFile.regionCode, [caseFile.departmentId, stepDepartment]);
  });
}

/** Actions that end the case or refuse the applicant: their buttons are red. */
export function isDangerous(action: StaffAction): boolean {
  return action === 'refuse' || action === 'withdraw';
}
