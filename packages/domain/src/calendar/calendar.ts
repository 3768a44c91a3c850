// The working-day calendar: weekends and statutory holidays are rest days, announced make-up days (调休) are working
// days. A year without announced data is unknown, and computing into it is an error — never a silent guess.

export interface CalendarDay {
  /** YYYY-MM-DD */
  date: string;
  kind: 'holiday' | 'workday';
  name: string;
}

export class CalendarYearUnknownError extends Error {
  readonly code = 'CALENDAR_YEAR_UNKNOWN';
  constructor(readonly year: number) {
    super(`${year}年的节假日安排尚未录入，无法计算工作日。请系统管理员在“工作日历”中录入国务院办公厅公布的${year}年安排。`);
  }
}

const DAY_MS = 86_400_000;

export function addCalendarDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function dayOfWeek(iso: string): number {
  return new Date(`${iso}T00:00:00Z`).getUTCDay();
}

export function isIsoDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text;
}

export class WorkingCalendar {
  private readonly exceptions = new Map<string, CalendarDay>();
  private readonly years: Set<number>;

  /** `knownYears`: years whose arrangements are entered (a year may have no exception days and still be known). */
  constructor(knownYears: Iterable<number>, days: Iterable<CalendarDay>) {
    this.years = new Set(knownYears);
    for (const d of days) this.exceptions.set(d.date, d);
  }

  knows(year: number): boolean {
    return this.years.has(year);
  }

  private requireYear(iso: string): void {
    const year = Number(iso.slice(0, 4));
    if (!this.years.has(year)) throw new CalendarYearUnknownError(year);
  }

  /** The announced exception for a day (a holiday, or a weekend day that is worked), if any. */
  exceptionOn(iso: string): CalendarDay | undefined {
    return this.exceptions.get(iso);
  }

  isWorkday(iso: string): boolean {
    this.requireYear(iso);
    const exception = this.exceptions.get(iso);
    if (exception) return exception.kind === 'workday';
    const dow = dayOfWeek(iso);
    return dow !== 0 && dow !== 6;
  }

  /** The n-th working day after `start` (the start day is not counted); n = 0 is the start day itself. */
  addWorkdays(start: string, n: number): string {
    let day = start;
    for (let counted = 0; counted < n; ) {
      day = addCalendarDays(day, 1);
      if (this.isWorkday(day)) counted++;
    }
    return day;
  }

  /**
   * A period of n natural days after `start`; when its last day is a rest day it ends on the next working day
   * (民法典 §203).
   */
  addNaturalDays(start: string, n: number): string {
    let day = addCalendarDays(start, n);
    while (!this.isWorkday(day)) day = addCalendarDays(day, 1);
    return day;
  }

  /** Working days from `from` (exclusive) to `to` (inclusive); negative when `to` is before `from`. */
  workdaysBetween(from: string, to: string): number {
    if (to < from) return -this.workdaysBetween(to, from);
    let count = 0;
    for (let day = addCalendarDays(from, 1); day <= to; day = addCalendarDays(day, 1)) if (this.isWorkday(day)) count++;
    return count;
  }

  nextWorkday(iso: string): string {
    return this.addWorkdays(iso, 1);
  }

  dueDate(start: string, amount: number, unit: 'workday' | 'day'): string {
    return unit === 'workday' ? this.addWorkdays(start, amount) : this.addNaturalDays(start, amount);
  }
}

/** Expands announced periods into single days, as stored in the calendar table. */
export function expandAnnouncedYear(year: { holidays: [string, string, string][]; makeUpWorkdays: [string, string][] }): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (const [first, last, name] of year.holidays) {
    for (let d = first; d <= last; d = addCalendarDays(d, 1)) days.push({ date: d, kind: 'holiday', name });
  }
  for (const [date, name] of year.makeUpWorkdays) days.push({ date, kind: 'workday', name: `${name}调休上班` });
  return days;
}

/** Whether administrators should be warned: from 1 November, next year's arrangements are due. */
export function missingNextYear(calendar: WorkingCalendar, today: string): number | null {
  const year = Number(today.slice(0, 4));
  if (!calendar.knows(year)) return year;
  if (today.slice(5) >= '11-01' && !calendar.knows(year + 1)) return year + 1;
  return null;
}
