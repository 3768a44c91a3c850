// The working-day calendar: due-date computation for anyone, each year's arrangements, and their entry by system
// administrators when the State Council announces the next year.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { beijingToday, CalendarYearUnknownError, dayOfWeek, missingNextYear } from '@onewindow/domain';
import { AppError, problems, type FieldError } from '../../platform/problem.ts';
import { StrictObject, NonEmpty } from '../../platform/schemas.ts';
import { loadCalendar } from './store.ts';

const IsoDate = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
const Year = Type.Integer({ minimum: 2000, maximum: 2100 });
const DayEntry = StrictObject({ date: IsoDate, name: NonEmpty(50) });

export function yearUnknownProblem(error: CalendarYearUnknownError): AppError {
  return new AppError(422, 'CALENDAR_YEAR_UNKNOWN', error.message, { extra: { year: error.year } });
}

export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/calendar/due-date',
    {
      config: { action: 'public' },
      schema: {
        tags: ['calendar'],
        summary: '按工作日或自然日计算期限届满日（起始日不计入；自然日期限末日为休息日的顺延至下一工作日）',
        querystring: StrictObject({
          start: IsoDate,
          amount: Type.Integer({ minimum: 0, maximum: 3650 }),
          unit: Type.Union([Type.Literal('workday'), Type.Literal('day')]),
        }),
      },
    },
    async (request) => {
      const { start, amount, unit } = request.query;
      const year = Number(start.slice(0, 4));
      // Generous upper bound: even a long period with a holiday-heavy year stays within this range.
      const calendar = await loadCalendar(app.db, year, year + Math.ceil(amount / 200) + 1);
      try {
        return { start, amount, unit, dueDate: calendar.dueDate(start, amount, unit) };
      } catch (error) {
        if (error instanceof CalendarYearUnknownError) throw yearUnknownProblem(error);
        throw error;
      }
    },
  );

  app.get(
    '/api/calendar/status',
    { config: { action: 'public' }, schema: { tags: ['calendar'], summary: '日历是否缺少当年或下一年的安排（每年11月1日起提醒）' } },
    async () => {
      const today = beijingToday();
      const year = Number(today.slice(0, 4));
      const calendar = await loadCalendar(app.db, year, year + 1);
      const missing = missingNextYear(calendar, today);
      return {
        today,
        missingYear: missing,
        message: missing === null ? null : `尚未录入${missing}年的节假日安排，${missing}年的办件期限将无法计算。请在国务院办公厅公布后及时录入。`,
      };
    },
  );

  app.get(
    '/api/calendar/:year',
    { config: { action: 'public' }, schema: { tags: ['calendar'], summary: '某年的法定节假日与调休上班日', params: StrictObject({ year: Year }) } },
    async (request) => {
      const { year } = request.params;
      const meta = await app.db.selectFrom('calendar_years').selectAll().where('year', '=', year).executeTakeFirst();
      if (!meta) throw yearUnknownProblem(new CalendarYearUnknownError(year));
      const days = await app.db.selectFrom('calendar_days').select(['date', 'kind', 'name']).where('year', '=', year).orderBy('date').execute();
      return {
        year,
        source: meta.source,
        updatedAt: meta.updated_at.toISOString(),
        holidays: days.filter((d) => d.kind === 'holiday').map(({ date, name }) => ({ date, name })),
        workdays: days.filter((d) => d.kind === 'workday').map(({ date, name }) => ({ date, name })),
      };
    },
  );

  app.put(
    '/api/calendar/:year',
    {
      config: { action: 'calendar.manage' },
      schema: {
        tags: ['calendar'],
        summary: '录入或更正某年的节假日安排（整年替换）',
        params: StrictObject({ year: Year }),
        body: StrictObject({ holidays: Type.Array(DayEntry, { maxItems: 60 }), workdays: Type.Array(DayEntry, { maxItems: 20 }) }),
      },
    },
    async (request) => {
      const { year } = request.params;
      const { holidays, workdays } = request.body;
      const errors: FieldError[] = [];
      const seen = new Set<string>();
      const check = (list: typeof holidays, field: string, mustBeWeekend: boolean) =>
        list.forEach((d, i) => {
          if (!d.date.startsWith(`${year}-`)) errors.push({ path: `/${field}/${i}/date`, message: `日期应在${year}年内` });
          if (seen.has(d.date)) errors.push({ path: `/${field}/${i}/date`, message: '日期重复' });
          seen.add(d.date);
          const weekend = [0, 6].includes(dayOfWeek(d.date));
          if (mustBeWeekend && !weekend) errors.push({ path: `/${field}/${i}/date`, message: '调休上班日应为周六或周日（工作日本来就上班）' });
        });
      check(holidays, 'holidays', false);
      check(workdays, 'workdays', true);
      if (errors.length > 0) throw problems.validation(errors);
      const staffId = request.staffId();
      await request.change(async (trx, audit) => {
        await trx
          .insertInto('calendar_years')
          .values({ year, source: 'admin', updated_by: staffId, updated_at: new Date() })
          .onConflict((oc) => oc.column('year').doUpdateSet({ source: 'admin', updated_by: staffId, updated_at: new Date() }))
          .execute();
        await trx.deleteFrom('calendar_days').where('year', '=', year).execute();
        const rows = [...holidays.map((d) => ({ ...d, kind: 'holiday' as const, year })), ...workdays.map((d) => ({ ...d, kind: 'workday' as const, year }))];
        if (rows.length > 0) await trx.insertInto('calendar_days').values(rows).execute();
        audit({ targetType: 'calendar_year', targetId: String(year), detail: { holidays: holidays.length, workdays: workdays.length } });
      });
      app.calendar.invalidate();
      return { year, holidays: holidays.length, workdays: workdays.length };
    },
  );
};
