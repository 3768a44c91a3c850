// Which window a clerk works at (一人一窗). The intake reads it, takes the hall and the window from it (never from the
// request) and when the clerk's intake draft began; the case's own statement then removes the draft.
import { sql, type Kysely } from 'kysely';
import { windowServes, type ServiceWindow } from '@onewindow/domain';
import type { DB } from '../../db/schema.ts';
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

/** The clerk's window and when their intake draft began; null when the clerk is at no window. */
export async function windowAtIntake(db: Kysely<DB>, staffId: string): Promise<WindowAtIntake | null> {
  const { rows } = await sql<{ window_id: string; hall_id: string; number: string; name: string; kind: 'comprehensive' | 'domain'; domains: { code: string; name: string }[]; intake_started_at: Date | null }>`
    SELECT w.id AS window_id, w.hall_id, w.number, w.name, w.kind,
           coalesce((SELECT json_agg(json_build_object('code', d.code, 'name', d.name) ORDER BY d.code)
                     FROM window_domains wd JOIN service_domains d ON d.code = wd.domain_code WHERE wd.window_id = w.id), '[]') AS domains,
           (SELECT started_at FROM intake_drafts WHERE staff_id = ${staffId}) AS intake_started_at
    FROM window_sign_ins s JOIN windows w ON w.id = s.window_id
    WHERE s.staff_id = ${staffId} AND w.active`.execute(db);
  const row = rows[0];
  if (!row) return null;
  return { windowId: row.window_id, hallId: row.hall_id, number: row.number, name: row.name, kind: row.kind, domains: row.domains, intakeStartedAt: row.intake_started_at };
}

/** Refuses an item a domain window does not serve, naming the window the applicant should go to. */
export async function assertWindowServes(db: Kysely<DB>, window: ServiceWindow, itemDomainCode: string): Promise<void> {
  if (window.kind === 'comprehensive') return;
  const domain = await db.selectFrom('service_domains').select(['code', 'name']).where('code', '=', itemDomainCode).executeTakeFirst();
  const fit = windowServes(window, domain ?? { code: itemDomainCode, name: itemDomainCode });
  if (!fit.ok) throw new AppError(403, 'WINDOW_DOMAIN_MISMATCH', fit.reason, { errors: [{ path: '/itemCode', message: fit.reason }] });
}
