// The one place that decides who may do what. Every route names its action; handlers ask `authorize` with the
// resource's scope once they have loaded it. Pure: no I/O, so the decision table is tested as a matrix.
import type { Role } from '@onewindow/domain';
import { DEPARTMENT_SCOPED_ROLES, isInRegion } from '@onewindow/domain';

export interface RoleAssignment {
  role: Role;
  regionCode: string;
  departmentId: string | null;
}

export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'applicant'; id: string; name: string }
  | { kind: 'staff'; id: string; name: string; roles: RoleAssignment[] };

/** What a resource is bound to; a field left out does not restrict. */
export interface ResourceScope {
  regionCode?: string;
  departmentId?: string | null;
  ownerApplicantId?: string;
}

type Rule =
  | { who: 'anyone' }
  | { who: 'signed-in' }
  /** applicants act on what they own; staff with the listed roles act within their scope */
  | { who: 'owner-or-staff'; staff: readonly Role[] }
  | { who: 'staff'; roles: readonly Role[] };

const ALL_STAFF: readonly Role[] = ['clerk', 'reviewer', 'hall_manager', 'catalog_admin', 'supervisor', 'system_admin'];
const ORG_MANAGERS: readonly Role[] = ['system_admin', 'hall_manager'];

export const POLICY = {
  public: { who: 'anyone' },
  'session.self': { who: 'signed-in' },
  // The region tree, departments, service domains and halls are public information (the portal browses by them).
  'org.public.read': { who: 'anyone' },
  'region.manage': { who: 'staff', roles: ORG_MANAGERS },
  'department.manage': { who: 'staff', roles: ORG_MANAGERS },
  'service_domain.manage': { who: 'staff', roles: ['system_admin'] },
  'hall.manage': { who: 'staff', roles: ORG_MANAGERS },
  'staff.read': { who: 'staff', roles: ['system_admin', 'hall_manager', 'supervisor'] },
  'staff.manage': { who: 'staff', roles: ORG_MANAGERS },
  'applicant.search': { who: 'staff', roles: ['clerk', 'reviewer', 'hall_manager', 'supervisor'] },
  'applicant.personal_data.read': { who: 'owner-or-staff', staff: ['clerk', 'reviewer', 'supervisor'] },
  'sms_outbox.read': { who: 'staff', roles: ['system_admin'] },
  'calendar.manage': { who: 'staff', roles: ['system_admin'] },
  'catalog.read': { who: 'staff', roles: ALL_STAFF },
  'catalog.edit': { who: 'staff', roles: ['catalog_admin'] },
  'catalog.publish': { who: 'staff', roles: ['catalog_admin'] },
  'audit.read': { who: 'staff', roles: ['system_admin', 'supervisor'] },
  // Cases (办件): applicants apply and follow their own; clerks take them in at the window and hand out results;
  // reviewers work the back-office steps of their department; supervisors (监察) see every case in their region.
  'case.create': { who: 'owner-or-staff', staff: ['clerk'] },
  'case.read': { who: 'owner-or-staff', staff: ['clerk', 'reviewer', 'hall_manager', 'supervisor'] },
  'case.own': { who: 'owner-or-staff', staff: [] },
  // The applicant's own edits outside the action log: the draft (网上申请草稿) and how the result is delivered.
  'case.edit_own': { who: 'owner-or-staff', staff: [] },
  'case.worklist': { who: 'staff', roles: ['clerk', 'reviewer', 'hall_manager', 'supervisor'] },
  'case.act': { who: 'owner-or-staff', staff: ['clerk', 'reviewer', 'hall_manager'] },
  // The applicant's own steps online: submitting (with the declaration of truth), correcting, withdrawing.
  'case.apply': { who: 'owner-or-staff', staff: [] },
  // What is brought to the window whoever is due to act: corrected or outstanding materials, a withdrawal.
  'case.intake': { who: 'staff', roles: ['clerk'] },
  // A step of the guide's 办理流程 — 受理 (with 补正 and 不予受理), 审核, 决定, 办结, 送达: the guide names each step's
  // role (the window's steps are the clerk's unless it says otherwise); holdsRole() checks it per case.
  'case.step': { who: 'staff', roles: ['clerk', 'reviewer'] },
  'case.approve_extension': { who: 'staff', roles: ['reviewer', 'hall_manager'] },
  'message.self': { who: 'signed-in' },
  // Material files, one-shot or resumable: applicants for their applications, clerks for intake and signatures.
  'file.upload': { who: 'owner-or-staff', staff: ['clerk'] },
  // 一人一窗: a clerk signs in to a window of a hall in their region and works from its desk.
  'window.sign_in': { who: 'staff', roles: ['clerk'] },
} as const satisfies Record<string, Rule>;

export type Action = keyof typeof POLICY;

/** allow, or why not: 401 for nobody signed in, 404 where saying 403 would reveal that someone else's record exists. */
export type Decision = 'allow' | 'unauthenticated' | 'forbidden' | 'not_found';

/** Roles a staff member may never grant: only a system administrator makes another one. */
export const ROLES_ONLY_SYSTEM_ADMIN_GRANTS: readonly Role[] = ['system_admin'];

function assignmentCovers(a: RoleAssignment, scope: ResourceScope): boolean {
  if (scope.regionCode !== undefined && !isInRegion(scope.regionCode, a.regionCode)) return false;
  if (DEPARTMENT_SCOPED_ROLES.includes(a.role) && a.departmentId !== null && scope.departmentId !== undefined) {
    return scope.departmentId === a.departmentId;
  }
  return true;
}

function staffDecision(actor: Extract<Actor, { kind: 'staff' }>, roles: readonly Role[], scope: ResourceScope | undefined): Decision {
  const holding = actor.roles.filter((a) => roles.includes(a.role));
  if (holding.length === 0) return 'forbidden';
  if (scope === undefined) return 'allow';
  return holding.some((a) => assignmentCovers(a, scope)) ? 'allow' : 'forbidden';
}

/**
 * May `actor` do `action`? Without `scope` this answers "at all" (the route-level gate); with it, "on this resource".
 */
export function authorize(actor: Actor, action: Action, scope?: ResourceScope): Decision {
  const rule: Rule = POLICY[action];
  if (rule.who === 'anyone') return 'allow';
  if (actor.kind === 'anonymous') return 'unauthenticated';
  if (rule.who === 'signed-in') return 'allow';
  if (actor.kind === 'applicant') {
    if (rule.who !== 'owner-or-staff') return 'forbidden';
    if (scope === undefined) return 'allow';
    return scope.ownerApplicantId === actor.id ? 'allow' : 'not_found';
  }
  return staffDecision(actor, rule.who === 'staff' ? rule.roles : rule.staff, scope);
}

/**
 * The region subtrees in which a staff member may do `action`, for filtering lists; 'all' when unrestricted.
 */
export function regionRootsFor(actor: Actor, action: Action): string[] | 'all' {
  const rule: Rule = POLICY[action];
  if (rule.who === 'anyone' || rule.who === 'signed-in') return 'all';
  if (actor.kind !== 'staff') return [];
  const roles = rule.who === 'staff' ? rule.roles : rule.who === 'owner-or-staff' ? rule.staff : [];
  return actor.roles.filter((a) => roles.includes(a.role)).map((a) => a.regionCode);
}

/** Whether a staff member holds `role` covering the scope: back-office steps are done by the role the guide names. */
export function holdsRole(actor: Actor, role: Role, scope: ResourceScope): boolean {
  return actor.kind === 'staff' && actor.roles.some((a) => a.role === role && assignmentCovers(a, scope));
}
