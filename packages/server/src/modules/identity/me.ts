// The signed-in user as the web app sees them: names resolved, personal data masked.
import type { Kysely } from 'kysely';
import { maskIdNumber, maskPhone, maskUscc } from '@onewindow/domain';
import type { DB } from '../../db/schema.ts';
import type { Actor } from '../../platform/policy.ts';

export async function describeMe(db: Kysely<DB>, actor: Actor) {
  if (actor.kind === 'staff') {
    const staff = await db.selectFrom('staff').select(['id', 'username', 'name', 'totp_enabled']).where('id', '=', actor.id).executeTakeFirstOrThrow();
    return {
      kind: 'staff' as const,
      id: staff.id,
      username: staff.username,
      name: staff.name,
      totpEnabled: staff.totp_enabled,
      roles: await describeRoles(db, [staff.id]).then((m) => m.get(staff.id) ?? []),
    };
  }
  if (actor.kind === 'applicant') {
    const a = await db.selectFrom('applicants').selectAll().where('id', '=', actor.id).executeTakeFirstOrThrow();
    return {
      kind: 'applicant' as const,
      id: a.id,
      applicantType: a.type,
      name: a.name,
      idNumberMasked: a.id_number ? maskIdNumber(a.id_number) : null,
      usccMasked: a.uscc ? maskUscc(a.uscc) : null,
      legalRepresentative: a.legal_representative,
      phoneMasked: maskPhone(a.phone),
    };
  }
  return null;
}

export interface RoleView {
  role: string;
  regionCode: string;
  regionName: string;
  departmentId: string | null;
  departmentName: string | null;
}

/** Role assignments with their region and department names, for many staff at once. */
export async function describeRoles(db: Kysely<DB>, staffIds: string[]): Promise<Map<string, RoleView[]>> {
  const byStaff = new Map<string, RoleView[]>();
  if (staffIds.length === 0) return byStaff;
  const rows = await db
    .selectFrom('staff_roles as sr')
    .innerJoin('regions as r', 'r.code', 'sr.region_code')
    .leftJoin('departments as d', 'd.id', 'sr.department_id')
    .select(['sr.staff_id', 'sr.role', 'sr.region_code', 'r.name as region_name', 'sr.department_id', 'd.name as department_name'])
    .where('sr.staff_id', 'in', staffIds)
    .orderBy('sr.role')
    .execute();
  for (const r of rows) {
    const list = byStaff.get(r.staff_id) ?? [];
    list.push({ role: r.role, regionCode: r.region_code, regionName: r.region_name, departmentId: r.department_id, departmentName: r.department_name });
    byStaff.set(r.staff_id, list);
  }
  return byStaff;
}
