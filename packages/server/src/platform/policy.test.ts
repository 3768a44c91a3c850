import { describe, expect, it } from 'vitest';
import { ROLE_CODES, type Role } from '@onewindow/domain';
import { authorize, POLICY, regionRootsFor, ROLES_ONLY_SYSTEM_ADMIN_GRANTS, type Action, type Actor, type RoleAssignment } from './policy.ts';

const anonymous: Actor = { kind: 'anonymous' };
const applicant: Actor = { kind: 'applicant', id: 'applicant-1', name: '张三' };
const staff = (...roles: RoleAssignment[]): Actor => ({ kind: 'staff', id: 'staff-1', name: '工作人员', roles });
const role = (r: Role, regionCode = '13', departmentId: string | null = null): RoleAssignment => ({ role: r, regionCode, departmentId });

/**
 * Who may do what, written out independently of POLICY: changing a permission means changing this table too, on
 * purpose. 'anyone' and 'signed-in' need no role; otherwise the staff roles, and whether applicants act as owners.
 */
const EXPECTED: Record<Action, { anyone?: true; signedIn?: true; owner?: true; roles?: Role[] }> = {
  public: { anyone: true },
  'session.self': { signedIn: true },
  // The region tree, departments, service domains, halls and windows: public information the portal browses by.
  'org.public.read': { anyone: true },
  'region.manage': { roles: ['hall_manager', 'system_admin'] },
  'department.manage': { roles: ['hall_manager', 'system_admin'] },
  'service_domain.manage': { roles: ['system_admin'] },
  'hall.manage': { roles: ['hall_manager', 'system_admin'] },
  'staff.read': { roles: ['hall_manager', 'supervisor', 'system_admin'] },
  'staff.manage': { roles: ['hall_manager', 'system_admin'] },
  'applicant.search': { roles: ['clerk', 'reviewer', 'hall_manager', 'supervisor'] },
  'applicant.personal_data.read': { owner: true, roles: ['clerk', 'reviewer', 'supervisor'] },
  'sms_outbox.read': { roles: ['system_admin'] },
  'calendar.manage': { roles: ['system_admin'] },
  'catalog.read': { roles: ['clerk', 'reviewer', 'hall_manager', 'catalog_admin', 'supervisor', 'system_admin'] },
  'catalog.edit': { roles: ['catalog_admin'] },
  'catalog.publish': { roles: ['catalog_admin'] },
  'audit.read': { roles: ['supervisor', 'system_admin'] },
  'case.create': { owner: true, roles: ['clerk'] },
  'case.read': { owner: true, roles: ['clerk', 'reviewer', 'hall_manager', 'supervisor'] },
  'case.own': { owner: true },
  'case.edit_own': { owner: true },
  'case.worklist': { roles: ['clerk', 'reviewer', 'hall_manager', 'supervisor'] },
  'case.act': { owner: true, roles: ['clerk', 'reviewer', 'hall_manager'] },
  'case.apply': { owner: true },
  'case.intake': { roles: ['clerk'] },
  'case.step': { roles: ['clerk', 'reviewer'] },
  'case.approve_extension': { roles: ['reviewer', 'hall_manager'] },
  'message.self': { signedIn: true },
  'file.upload': { owner: true, roles: ['clerk'] },
  'window.sign_in': { roles: ['clerk'] },
};

const ACTIONS = Object.keys(POLICY) as Action[];

describe('authorize(): the route-level gate over the POLICY table', () => {
  it('has an expectation for every action in POLICY, and no other', () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
  });

  it.each(ACTIONS)('%s: nobody signed in gets "unauthenticated" unless the action is public', (action) => {
    expect(authorize(anonymous, action)).toBe(EXPECTED[action].anyone ? 'allow' : 'unauthenticated');
  });

  it.each(ACTIONS)('%s: an applicant may act only where they can own the record', (action) => {
    const e = EXPECTED[action];
    expect(authorize(applicant, action)).toBe(e.anyone || e.signedIn || e.owner ? 'allow' : 'forbidden');
  });

  it.each(ACTIONS)('%s: each staff role is allowed exactly as the table says', (action) => {
    const e = EXPECTED[action];
    for (const r of ROLE_CODES) {
      const allowed = e.anyone || e.signedIn || e.roles?.includes(r);
      expect(authorize(staff(role(r)), action), r).toBe(allowed ? 'allow' : 'forbidden');
    }
  });

  it('a staff member with no roles at all may only do what needs no role', () => {
    for (const action of ACTIONS) {
      const e = EXPECTED[action];
      expect(authorize(staff(), action), action).toBe(e.anyone || e.signedIn ? 'allow' : 'forbidden');
    }
  });
});

describe('authorize() on a resource: region subtrees, departments, owners', () => {
  const cityManager = staff(role('hall_manager', '1301'));

  it('a hall manager of a city acts on the city and everything under it', () => {
    for (const regionCode of ['1301', '130102', '130102001']) expect(authorize(cityManager, 'hall.manage', { regionCode }), regionCode).toBe('allow');
  });

  it('a hall manager of a city may not act on another city or on the province above', () => {
    expect(authorize(cityManager, 'hall.manage', { regionCode: '1302' })).toBe('forbidden');
    expect(authorize(cityManager, 'hall.manage', { regionCode: '130201' })).toBe('forbidden');
    expect(authorize(cityManager, 'hall.manage', { regionCode: '13' })).toBe('forbidden');
  });

  it('a provincial system administrator acts on every city of the province, not on another province', () => {
    const admin = staff(role('system_admin', '13'));
    expect(authorize(admin, 'hall.manage', { regionCode: '1302' })).toBe('allow');
    expect(authorize(admin, 'hall.manage', { regionCode: '11' })).toBe('forbidden');
  });

  it('scope counts only the roles that grant the action', () => {
    // A clerk of 1302 plus hall manager of 1301: the clerk role does not make 1302 manageable.
    const mixed = staff(role('hall_manager', '1301'), role('clerk', '1302'));
    expect(authorize(mixed, 'hall.manage', { regionCode: '1302' })).toBe('forbidden');
    expect(authorize(mixed, 'catalog.read', { regionCode: '1302' })).toBe('allow');
  });

  it('any one covering assignment is enough', () => {
    const twoCities = staff(role('hall_manager', '1301'), role('hall_manager', '1302'));
    expect(authorize(twoCities, 'hall.manage', { regionCode: '1302' })).toBe('allow');
  });

  it('a reviewer bound to one department acts only for that department; one without a department for all in the region', () => {
    const bound = staff(role('reviewer', '1301', 'dept-a'));
    expect(authorize(bound, 'applicant.search', { regionCode: '1301', departmentId: 'dept-a' })).toBe('allow');
    expect(authorize(bound, 'applicant.search', { regionCode: '1301', departmentId: 'dept-b' })).toBe('forbidden');
    expect(authorize(bound, 'applicant.search', { regionCode: '1302', departmentId: 'dept-a' })).toBe('forbidden');
    const unbound = staff(role('reviewer', '1301'));
    expect(authorize(unbound, 'applicant.search', { regionCode: '1301', departmentId: 'dept-b' })).toBe('allow');
  });

  it('a catalogue administrator bound to a department edits only that department’s items', () => {
    const bound = staff(role('catalog_admin', '1301', 'dept-a'));
    expect(authorize(bound, 'catalog.edit', { regionCode: '1301', departmentId: 'dept-a' })).toBe('allow');
    expect(authorize(bound, 'catalog.edit', { regionCode: '1301', departmentId: 'dept-b' })).toBe('forbidden');
  });

  it('roles scoped by region only ignore the department of the resource', () => {
    const manager = staff(role('hall_manager', '1301', 'dept-a'));
    expect(authorize(manager, 'department.manage', { regionCode: '1301', departmentId: 'dept-b' })).toBe('allow');
  });

  it('an applicant reads their own personal data; another applicant’s answers "not found", never "forbidden"', () => {
    expect(authorize(applicant, 'applicant.personal_data.read', { ownerApplicantId: 'applicant-1' })).toBe('allow');
    expect(authorize(applicant, 'applicant.personal_data.read', { ownerApplicantId: 'applicant-2' })).toBe('not_found');
    expect(authorize(applicant, 'applicant.personal_data.read', { ownerApplicantId: '' })).toBe('not_found');
  });

  it('staff read personal data by role, whoever owns it; staff without the role are forbidden', () => {
    expect(authorize(staff(role('clerk', '1301')), 'applicant.personal_data.read', { ownerApplicantId: 'applicant-1' })).toBe('allow');
    expect(authorize(staff(role('hall_manager', '1301')), 'applicant.personal_data.read', { ownerApplicantId: 'applicant-1' })).toBe('forbidden');
  });

  it('nobody signed in is "unauthenticated" whatever the scope', () => {
    expect(authorize(anonymous, 'hall.manage', { regionCode: '1301' })).toBe('unauthenticated');
    expect(authorize(anonymous, 'applicant.personal_data.read', { ownerApplicantId: 'applicant-1' })).toBe('unauthenticated');
  });
});

describe('regionRootsFor(): the subtrees a list is filtered to', () => {
  it('lists the regions of the roles that grant the action', () => {
    const s = staff(role('hall_manager', '1301'), role('clerk', '1302'), role('supervisor', '130123'));
    expect(regionRootsFor(s, 'staff.read')).toEqual(['1301', '130123']);
    expect(regionRootsFor(s, 'staff.manage')).toEqual(['1301']);
  });

  it('is unrestricted for public and signed-in actions, and empty for applicants and anonymous on staff actions', () => {
    expect(regionRootsFor(anonymous, 'public')).toBe('all');
    expect(regionRootsFor(applicant, 'session.self')).toBe('all');
    expect(regionRootsFor(applicant, 'staff.read')).toEqual([]);
    expect(regionRootsFor(anonymous, 'staff.read')).toEqual([]);
  });
});

it('only a system administrator may grant the system administrator role', () => {
  expect(ROLES_ONLY_SYSTEM_ADMIN_GRANTS).toEqual(['system_admin']);
});
