// The calendar as stored: shipped official years are loaded once, administrators add or correct years later.
import type { Kysely, Transaction } from 'kysely';
import { ANNOUNCED_YEARS, expandAnnouncedYear, WorkingCalendar } from '@onewindow/domain';
import type { DB } from '../../db/schema.ts';

type Executor = Kysely<DB> | Transaction<DB>;

export async function ensureOfficialCalendar(db: Kysely<DB>): Promise<void> {
  const known = new Set((await db.selectFrom('calendar_years').select('year').execute()).map((r) => r.year));
  const missing = ANNOUNCED_YEARS.filter((y) => !known.has(y.year));
  if (missing.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (const y of missing) {
      await trx.insertInto('calendar_years').values({ year: y.year, source: 'official', updated_by: null }).onConflict((oc) => oc.doNothing()).execute();
      const days = expandAnnouncedYear(y).map((d) => ({ ...d, year: y.year }));
      await trx.insertInto('calendar_days').values(days).onConflict((oc) => oc.doNothing()).execute();
    }
  });
}

/** A calendar covering the given years (those that are known; unknown ones make computations fail loudly). */
export async function loadCalendar(db: Executor, fromYear: number, toYear: number): Promise<WorkingCalendar> {
  const years = await db.selectFrom('calendar_years').select('year').where('year', '>=', fromYear).where('year', '<=', toYear).execute();
  const days = await db.selectFrom('calendar_days').select(['date', 'kind', 'name']).where('year', '>=', fromYear).where('year', '<=', toYear).execute();
  return new WorkingCalendar(years.map((y) => y.year), days);
}

/**
 * Every known year, kept for a minute: each case action computes a deadline, and the calendar changes a few times a
 * year. A server that saves a year drops its copy at once; other servers pick the change up within the minute.
 */
export class CalendarCache {
  private cached: { calendar: WorkingCalendar; until: number } | null = null;
  constructor(private readonly db: Kysely<DB>, private readonly ttlMs = 60_000) {}

  async get(): Promise<WorkingCalendar> {
    if (this.cached && this.cached.until > Date.now()) return this.cached.calendar;
    const calendar = await loadCalendar(this.db, 2000, 2100);
    this.cached = { calendar, until: Date.now() + this.ttlMs };
    return calendar;
  }

  invalidate(): void {
    this.cached = null;
  }
}
