// The case deadline clock (承诺办结时限): when a case is due, how much time is left and which colour the clock shows.
// Pure functions over a WorkingCalendar; every date is the calendar day in Beijing (UTC+8). A CalendarYearUnknownError
// from the calendar propagates: a deadline in a year without announced holidays is never guessed.
//
// Rules
// - Due date: the acceptance day (Beijing) is not counted (民法典 §201); `workday` limits end on the n-th working day
//   after it (WorkingCalendar.addWorkdays); `day` limits end n natural days after it, rolled to the next working day
//   when that is a rest day (addNaturalDays, 民法典 §203); amount 0 is 即办: due on the acceptance day itself, even a
//   rest day, without roll-over.
// - `hour` limits count working hours 09:00–17:00 Beijing time on working days (8 hours a day, no lunch break). The
//   clock starts at acceptance if that is within working hours, at 09:00 when accepted earlier on a working day, and at
//   09:00 of the next working day when accepted after 17:00 or on a rest day. A limit that ends exactly at 17:00 is
//   due at 17:00 that day, not at 09:00 the next. `dueAt` is that instant; `dueDate` is its Beijing day.
// - Pauses (特别程序, and 补正 waiting where the law says so) are counted like legal periods: the day a pause starts is
//   not counted, its end day is. A pause covers the WORKING days strictly after its start date up to and including
//   its end date (WorkingCalendar.workdaysBetween), so a pause that starts and ends on the same day covers none, and
//   one from Friday to the following Monday covers one (the Monday). A working day covered by several pauses counts
//   once. An ongoing suspension (`suspendedSince`) is a pause that ends `now`. The due date moves by the covered
//   working days for every unit (for hour limits, `dueAt` keeps its time of day).
// - An approved extension (延期) adds its working days after the date shifted by pauses.

import { addCalendarDays, type WorkingCalendar } from '../calendar/calendar.ts';
import { beijingToday } from '../dates.ts';

export type DeadlineUnit = 'workday' | 'day' | 'hour';

export interface DeadlineLimit {
  amount: number;
  unit: DeadlineUnit;
}

export interface DueDateInput {
  /** ISO date-time of acceptance (受理时间) */
  acceptedAt: string;
  /** 承诺办结时限 and its unit (工作日 / 自然日 / 小时); amount 0 = 即办件 */
  limit: DeadlineLimit;
  /** Closed pauses (ISO date-times), whose time does not count */
  pauses: { from: string; to: string }[];
  /** Start of an ongoing suspension (ISO date-time), counted up to `now` */
  suspendedSince: string | null;
  /** Approved 延期 in working days */
  extensionWorkdays: number;
  /** ISO date-time */
  now: string;
}

export interface DueDate {
  /** YYYY-MM-DD, Beijing */
  dueDate: string;
  /** ISO date-time (UTC), for hour limits only */
  dueAt?: string;
}

export type ClockColour = 'green' | 'yellow' | 'red' | 'paused';

const BEIJING_OFFSET_MS = 8 * 3600_000;
const MINUTE_MS = 60_000;
/** Working hours in minutes after Beijing midnight. */
export const WORKDAY_START_MINUTE = 9 * 60;
export const WORKDAY_END_MINUTE = 17 * 60;

function instant(iso: string, what: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new RangeError(`${what}不是有效的时间：${iso}`);
  return ms;
}

function beijingDay(ms: number): string {
  return beijingToday(new Date(ms));
}

/** Minutes after Beijing midnight. */
function beijingMinute(ms: number): number {
  return Math.floor((((ms + BEIJING_OFFSET_MS) % 86_400_000) + 86_400_000) % 86_400_000 / MINUTE_MS);
}

/** The instant of a Beijing day and minute. */
function beijingInstant(day: string, minute: number): number {
  return Date.parse(`${day}T00:00:00Z`) - BEIJING_OFFSET_MS + minute * MINUTE_MS;
}

/** Working days covered by the pauses (see the rules above), each day once. */
export function pausedWorkdays(calendar: WorkingCalendar, pauses: { from: string; to: string }[], suspendedSince: string | null, now: string): number {
  const periods: [string, string][] = pauses.map(({ from, to }) => {
    const start = instant(from, '暂停开始时间');
    const end = instant(to, '暂停结束时间');
    if (end < start) throw new RangeError(`暂停结束时间早于开始时间：${from} – ${to}`);
    return [beijingDay(start), beijingDay(end)];
  });
  if (suspendedSince !== null) {
    // A clock slightly behind the suspension's start counts nothing rather than failing.
    periods.push([beijingDay(instant(suspendedSince, '暂停开始时间')), beijingDay(instant(now, '当前时间'))]);
  }
  const covered = new Set<string>();
  for (const [first, last] of periods) {
    for (let day = addCalendarDays(first, 1); day <= last; day = addCalendarDays(day, 1)) {
      if (!covered.has(day) && calendar.isWorkday(day)) covered.add(day);
    }
  }
  return covered.size;
}

/** The instant `minutes` working minutes after `start` (working hours 09:00–17:00 on working days). */
function addWorkingMinutes(calendar: WorkingCalendar, start: number, minutes: number): number {
  let day = beijingDay(start);
  let minute = beijingMinute(start);
  if (!calendar.isWorkday(day) || minute >= WORKDAY_END_MINUTE) {
    day = calendar.nextWorkday(day);
    minute = WORKDAY_START_MINUTE;
  } else if (minute < WORKDAY_START_MINUTE) {
    minute = WORKDAY_START_MINUTE;
  }
  let left = minutes;
  for (;;) {
    const available = WORKDAY_END_MINUTE - minute;
    if (left <= available) return beijingInstant(day, minute + left);
    left -= available;
    day = calendar.nextWorkday(day);
    minute = WORKDAY_START_MINUTE;
  }
}

function checkLimit(limit: DeadlineLimit): void {
  const { amount, unit } = limit;
  if (!Number.isFinite(amount) || amount < 0 || (unit !== 'hour' && !Number.isInteger(amount))) {
    throw new RangeError(`承诺时限无效：${amount}（${unit}）`);
  }
}

/** When the case is due (承诺办结日期), after pauses and extension. */
export function dueDate(calendar: WorkingCalendar, input: DueDateInput): DueDate {
  checkLimit(input.limit);
  if (!Number.isInteger(input.extensionWorkdays) || input.extensionWorkdays < 0) {
    throw new RangeError(`延期工作日数无效：${input.extensionWorkdays}`);
  }
  const accepted = instant(input.acceptedAt, '受理时间');
  const acceptedDay = beijingDay(accepted);
  const shift = pausedWorkdays(calendar, input.pauses, input.suspendedSince, input.now) + input.extensionWorkdays;
  const { amount, unit } = input.limit;

  if (unit === 'hour' && amount > 0) {
    const base = addWorkingMinutes(calendar, accepted, Math.round(amount * 60));
    const day = calendar.addWorkdays(beijingDay(base), shift);
    const at = beijingInstant(day, beijingMinute(base));
    return { dueDate: day, dueAt: new Date(at).toISOString() };
  }
  const base = amount === 0 ? acceptedDay : unit === 'workday' ? calendar.addWorkdays(acceptedDay, amount) : calendar.addNaturalDays(acceptedDay, amount);
  return { dueDate: calendar.addWorkdays(base, shift) };
}

/**
 * Working days left until the due date, counted from today (Beijing; today not counted, the due date counted): 0 on
 * the due date itself. Negative when overdue: minus the working days after the due date up to today, and at least −1
 * (a rest day right after the due date is already one day late).
 */
export function remainingWorkdays(calendar: WorkingCalendar, due: string, now: string): number {
  const today = beijingDay(instant(now, '当前时间'));
  if (today <= due) return calendar.workdaysBetween(today, due);
  return -Math.max(1, calendar.workdaysBetween(due, today));
}

export interface ClockColourInput {
  /** YYYY-MM-DD */
  dueDate: string;
  /** For hour limits: past this instant the case is overdue even on its due date. */
  dueAt?: string;
  /** ISO date-time */
  now: string;
  /** Yellow when at most this many working days remain (default 2). */
  warnWorkdays?: number;
  suspended: boolean;
}

/** paused while suspended; red when overdue; yellow when 0 ≤ remaining working days ≤ warnWorkdays; green otherwise. */
export function clockColour(calendar: WorkingCalendar, input: ClockColourInput): ClockColour {
  const { dueDate: due, dueAt, now, warnWorkdays = 2, suspended } = input;
  if (!Number.isInteger(warnWorkdays) || warnWorkdays < 0) throw new RangeError(`预警工作日数无效：${warnWorkdays}`);
  if (suspended) return 'paused';
  if (dueAt !== undefined && instant(now, '当前时间') > instant(dueAt, '办结时限')) return 'red';
  const remaining = remainingWorkdays(calendar, due, now);
  if (remaining < 0) return 'red';
  return remaining <= warnWorkdays ? 'yellow' : 'green';
}
