// Which window a clerk works at (一人一窗). The intake reads it with the item, takes the hall and the window from it (never from the
// request) and when the clerk's intake draft began; the case's own statement then removes the draft. A clerk who may no
// longer work at the window (deactivated, or moved off the clerk role there) leaves it.
import type { Kysely } from 'kysely';
import { jsonArrayFrom, jsonObjectFrom } from 'kysely/helpers/postgres';
import { windowServes, type Role, type ServiceWindow } from '@onewindow/domain';
import type { DB } from '../../db/schema.ts';
import { authorize } from '../../platform/policy.ts';
import { AppError } from '../../platform/problem.ts';

export interface ClerkWindow extends ServiceWindow {
  windowId: string;
  hallId: string;
  number: string;
  name: string;
}

export interface WindowAtIntake extends ClerkWindow {
  /** When the intake began: the draft's start, if the clerk kept one. */
  intakeStartedAt: Date | null;
}

export const windowNotSignedIn = () => new AppError(409, 'WINDOW_NOT_SIGNED_IN', '请先登录受理窗口，再收件', { detail: '在“窗口受理”页选择本人所在的窗口' });

/**
 * The clerk's window with its domains and when their intake draft began, as one JSON object (null when the clerk is
 * at no window): a subquery, so that the intake reads it in the same round trip as the item.
 */
export function windowAtIntake(db: Kysely<DB>, staffId: string | null) {
  return jsonObjectFrom(
    db
      .selectFrom('window_sign_ins as s')
      .innerJoin('windows as w', 'w.id', 's.window_id')
      .select((sub) => [
        'w.id as windowId', 'w.hall_id as hallId', 'w.number', 'w.name', 'w.kind',
        jsonArrayFrom(
          sub.selectFrom('window_domains as wd').innerJoin('service_domains as d', 'd.code', 'wd.domain_code').select(['d.code', 'd.name']).whereRef('wd.window_id', '=', 'w.id').orderBy('d.code'),
        ).as('domains'),
        sub.selectFrom('intake_drafts as dr').select('dr.started_at').whereRef('dr.staff_id', '=', 's.staff_id').as('intakeStartedAt'),
      ])
      .where('s.staff_id', '=', staffId)
      .where('w.active', '=', true),
  );
}

/** The window as read through windowAtIntake: JSON carries the draft's start as text. */
export function windowFromJson(json: Omit<WindowAtIntake, 'intakeStartedAt'> & { intakeStartedAt: string | Date | null }): WindowAtIntake {
  return { ...json, intakeStartedAt: json.intakeStartedAt === null ? null : new Date(json.intakeStartedAt) };
}

/** Refuses an item a domain window does not serve, naming the window the applicant should go to. */
export async function assertWindowServes(db: Kysely<DB>, window: ServiceWindow, itemDomainCode: string): Promise<void> {
  if (window.kind === 'comprehensive') return;
  const domain = await db.selectFrom('service_domains').select(['code', 'name']).where('code', '=', itemDomainCode).executeTakeFirst();
  const fit = windowServes(window, domain ?? { code: itemDomainCode, name: itemDomainCode });
  if (!fit.ok) throw new AppError(403, 'WINDOW_DOMAIN_MISMATCH', fit.reason, { errors: [{ path: '/itemCode', message: fit.reason }] });
}

/**
 * Ends the sign-in of a staff member who may no longer sit at their window: deactivated, or without a clerk role over
 * its hall's region. Left in place, it would hold the window against every colleague (WINDOW_OCCUPIED). Call it in
 * the transaction that changed them; returns the window they left, if any.
 */
export async function releaseWindowIfBarred(trx: Kysely<DB>, staffId: string): Promise<string | null> {
  const seat = await trx
    .selectFrom('window_sign_ins as s')
    .innerJoin('windows as w', 'w.id', 's.window_id')
    .innerJoin('halls as h', 'h.id', 'w.hall_id')
    .innerJoin('staff', 'staff.id', 's.staff_id')
    .select(['s.window_id', 'h.region_code', 'staff.name', 'staff.active'])
    .where('s.staff_id', '=', staffId)
    .executeTakeFirst();
  if (!seat) return null;
  const roles = await trx
    .selectFrom('staff_roles')
    .select(['role', 'region_code as regionCode', 'department_id as departmentId'])
    .where('staff_id', '=', staffId)
    .$narrowType<{ role: Role }>()
    .execute();
  // The same rule the sign-in itself is held to.
  const mayStay = seat.active && authorize({ kind: 'staff', id: staffId, name: seat.name, roles }, 'window.sign_in', { regionCode: seat.region_code }) === 'allow';
  if (mayStay) return null;
  await trx.deleteFrom('window_sign_ins').where('staff_id', '=', staffId).execute();
  return seat.window_id;
}
