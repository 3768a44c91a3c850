// The deadline watch, run by the scheduler (one server at a time, under an advisory lock): cases whose due date has
// passed turn red and those within the warning window turn yellow, each change telling the handler and the region's
// supervisors; corrections not brought in time close the case as 退件. One transaction per run, with its audit record.
import { sql, type Transaction } from 'kysely';
import { beijingToday, CalendarYearUnknownError, chineseDate, DEPARTMENT_SCOPED_ROLES, isInRegion, type Role } from '@onewindow/domain';
import type { Config } from '../../config.ts';
import type { DB } from '../../db/schema.ts';
import { appendAudit } from '../../platform/audit/chain.ts';
import type { Job } from '../../platform/scheduler.ts';
import { loadCalendar } from '../calendar/store.ts';
import { act, SYSTEM_ACTOR, type CaseRow, type EngineContext } from './engine.ts';
import { notifyStaff } from './notifications.ts';

const BATCH = 1000;

type Marked = Pick<CaseRow, 'id' | 'number' | 'item_name' | 'region_code' | 'pending_role' | 'pending_department' | 'due_date'>;

/** Who is told: the staff holding the role now due (in its department), else the last to act, and the supervisors. */
async function recipients(trx: Transaction<DB>, cases: Marked[]): Promise<Map<string, string[]>> {
  const roles = await trx.selectFrom('staff_roles as r').innerJoin('staff as s', 's.id', 'r.staff_id').select(['r.staff_id', 'r.role', 'r.region_code', 'r.department_id']).where('s.active', '=', true).execute();
  const handlers = await trx
    .selectFrom('case_handlers')
    .select(['case_id', 'staff_id'])
    .where('case_id', 'in', cases.map((c) => c.id))
    .orderBy('last_acted_at', 'desc')
    .execute();
  const out = new Map<string, string[]>();
  for (const c of cases) {
    const holders = roles.filter((r) => r.role === c.pending_role && DEPARTMENT_SCOPED_ROLES.includes(r.role as Role) && r.department_id === c.pending_department && isInRegion(c.region_code, r.region_code));
    const lastHandler = handlers.find((h) => h.case_id === c.id)?.staff_id;
    const supervisors = roles.filter((r) => r.role === 'supervisor' && isInRegion(c.region_code, r.region_code));
    out.set(c.id, [...holders.map((r) => r.staff_id), ...(holders.length === 0 && lastHandler ? [lastHandler] : []), ...supervisors.map((r) => r.staff_id)]);
  }
  return out;
}

/**
 * Yellow: at most `warnWorkdays` working days left, i.e. due before the (warnWorkdays + 1)-th working day from today.
 * When that day falls in a year without calendar data (the last days of the last entered year), every open case is
 * due within the known years and so within the window: the watch goes on instead of failing until the year is entered.
 */
function yellowBefore(today: string, ctx: EngineContext): string {
  try {
    return ctx.calendar.addWorkdays(today, ctx.warnWorkdays + 1);
  } catch (error) {
    if (error instanceof CalendarYearUnknownError) return `${error.year}-01-01`;
    throw error;
  }
}

async function markClock(trx: Transaction<DB>, colour: 'red' | 'yellow', ctx: EngineContext): Promise<number> {
  const today = beijingToday(ctx.now);
  let total = 0;
  for (;;) {
    const batch = await trx
      .updateTable('cases')
      .set({ clock: colour })
      .where('id', 'in', (eb) => {
        let q = eb.selectFrom('cases').select('id');
        q = colour === 'red'
          ? q.where('clock', 'in', ['green', 'yellow']).where((w) => w.or([w('due_date', '<', today), w('due_at', '<', ctx.now)]))
          : q.where('clock', '=', 'green').where('due_date', '<', yellowBefore(today, ctx));
        return q.limit(BATCH);
      })
      .returning(['id', 'number', 'item_name', 'region_code', 'pending_role', 'pending_department', 'due_date'])
      .execute();
    if (batch.length === 0) return total;
    total += batch.length;
    const who = await recipients(trx, batch);
    for (const c of batch) {
      const title = colour === 'red' ? '办件已超期' : '办件即将超期';
      const body = `${c.item_name}（${c.number}）承诺办结日期为${chineseDate(c.due_date!)}，${colour === 'red' ? '已超期，请立即处理' : '即将到期，请抓紧办理'}。`;
      await notifyStaff(trx, who.get(c.id) ?? [], c.id, { title, body });
    }
  }
}

/** 补正 not brought by its due date: the case closes as 退件 (5), with the applicant told. */
async function expireCorrections(trx: Transaction<DB>, ctx: EngineContext): Promise<number> {
  const today = beijingToday(ctx.now);
  const rows = await trx
    .selectFrom('cases')
    .selectAll()
    .where('status', '=', 'awaiting_correction')
    .where(sql<string>`state -> 'correction' ->> 'dueDate'`, '<', today)
    .execute();
  let expired = 0;
  for (const row of rows) {
    await act(trx, row, { event: { type: 'correction_expired' }, actor: SYSTEM_ACTOR, opinion: '补正期限届满未补正' }, ctx);
    expired += 1;
  }
  return expired;
}

export async function watchDeadlines(trx: Transaction<DB>, ctx: EngineContext): Promise<{ red: number; yellow: number; expired: number }> {
  const red = await markClock(trx, 'red', ctx);
  const yellow = await markClock(trx, 'yellow', ctx);
  const expired = await expireCorrections(trx, ctx);
  if (red + yellow + expired > 0) {
    await appendAudit(trx, {
      actorKind: 'system', actorId: null, actorName: '系统', actorRole: null, action: 'case.deadline_watch', targetType: null, targetId: null,
      ip: '', requestId: '', outcome: 'success', detail: { red, yellow, expired },
    });
  }
  return { red, yellow, expired };
}

export function deadlineJob(config: Pick<Config, 'caseWarnWorkdays' | 'correctionWorkdays'>): Job {
  return {
    name: 'cases.deadlines',
    lockKey: 7_120_330_102,
    intervalMs: 10 * 60_000,
    // The calendar is read through the job's own transaction, not the app's cache: on PGlite that transaction holds
    // the only connection, and a read through app.db would wait for it forever (and with it every request).
    run: async (trx) => {
      const calendar = await loadCalendar(trx, 2000, 2100);
      return watchDeadlines(trx, { calendar, warnWorkdays: config.caseWarnWorkdays, correctionWorkdays: config.correctionWorkdays, now: new Date() });
    },
  };
}
