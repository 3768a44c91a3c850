// The clerk's desk (窗口工作台): today's intake at the window, cases out for correction at the hall, results ready for
// pickup (统一窗口出件), and the day's counts. Read-only queries; each list is short, so it is capped, not paged.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.ts';
import { listRow, type WorklistRow } from '../cases/queries.ts';

const LIST_LIMIT = 100;

export interface DeskCounts {
  received: number;
  accepted: number;
  corrected: number;
  correctionRequested: number;
  refused: number;
  delivered: number;
  /** From the start of an intake (its draft) to the decision, over today's decisions that had a draft. */
  averageHandlingSeconds: number | null;
}

export interface Desk {
  counts: DeskCounts;
  intakeToday: WorklistRow[];
  awaitingCorrection: WorklistRow[];
  readyForPickup: WorklistRow[];
}

const LIKE_ESCAPE = /[\\%_]/g;

export async function deskOf(db: Kysely<DB>, staffId: string, hall: { id: string; regionCode: string }, windowId: string, dayStart: Date): Promise<Desk> {
  // The staff member's own actions today, found through 已办 (case_handlers is indexed by staff and time).
  const countsQuery = sql<{ type: string; n: string; handling: string | null }>`
    SELECT a.type, count(*) AS n,
           avg(extract(epoch FROM a.at - c.intake_started_at)) FILTER (WHERE a.seq <= 2 AND c.intake_started_at IS NOT NULL) AS handling
    FROM case_handlers h
    JOIN case_actions a ON a.case_id = h.case_id AND a.actor_id = ${staffId} AND a.at >= ${dayStart}
    JOIN cases c ON c.id = h.case_id
    WHERE h.staff_id = ${staffId} AND h.last_acted_at >= ${dayStart}
    GROUP BY a.type`.execute(db);
  const intakeQuery = db
    .selectFrom('case_handlers as h')
    .innerJoin('cases', 'cases.id', 'h.case_id')
    .selectAll('cases')
    .where('h.staff_id', '=', staffId)
    .where('h.last_acted_at', '>=', dayStart)
    .where('cases.window_id', '=', windowId)
    .where('cases.applied_at', '>=', dayStart)
    .orderBy('cases.applied_at', 'desc')
    .limit(LIST_LIMIT)
    .execute();
  const correctionQuery = db
    .selectFrom('cases')
    .selectAll()
    .where('status', '=', 'awaiting_correction')
    .where('hall_id', '=', hall.id)
    .orderBy('applied_at', 'desc')
    .limit(LIST_LIMIT)
    .execute();
  // Results of the hall's region are handed out at any of its windows, whichever channel the case came in by.
  const pickupQuery = db
    .selectFrom('cases')
    .selectAll()
    .where('pending_role', '=', 'clerk')
    .where('status', 'in', ['decided', 'completed'])
    .where('region_code', 'like', `${hall.regionCode.replace(LIKE_ESCAPE, '\\$&')}%`)
    .orderBy('updated_at')
    .limit(LIST_LIMIT)
    .execute();
  const [counted, intake, corrections, pickup] = await Promise.all([countsQuery, intakeQuery, correctionQuery, pickupQuery]);
  const byType = new Map(counted.rows.map((r) => [r.type, r]));
  const count = (type: string) => Number(byType.get(type)?.n ?? 0);
  const decisions = ['accept', 'request_correction', 'refuse'].map((t) => byType.get(t)).filter((r) => r?.handling != null);
  const weighted = decisions.reduce((acc, r) => ({ sum: acc.sum + Number(r!.handling) * Number(r!.n), n: acc.n + Number(r!.n) }), { sum: 0, n: 0 });
  return {
    counts: {
      received: count('create'),
      accepted: count('accept'),
      corrected: count('resubmit'),
      correctionRequested: count('request_correction'),
      refused: count('refuse'),
      delivered: count('deliver'),
      averageHandlingSeconds: weighted.n > 0 ? Math.round(weighted.sum / weighted.n) : null,
    },
    intakeToday: intake.map(listRow),
    awaitingCorrection: corrections.map(listRow),
    readyForPickup: pickup.map(listRow),
  };
}
