import { describe, expect, it } from 'vitest';
import { ANNOUNCED_YEARS } from '../calendar/official-holidays.ts';
import { CalendarYearUnknownError, expandAnnouncedYear, WorkingCalendar } from '../calendar/calendar.ts';
import { clockColour, dueDate, pausedWorkdays, remainingWorkdays, type DeadlineLimit, type DueDateInput } from './deadline.ts';

const calendar = new WorkingCalendar(
  ANNOUNCED_YEARS.map((y) => y.year),
  ANNOUNCED_YEARS.flatMap(expandAnnouncedYear),
);

/** A Beijing wall-clock time as an ISO instant. */
const bj = (dateTime: string): string => new Date(`${dateTime}+08:00`).toISOString();

const input = (acceptedAt: string, limit: DeadlineLimit, rest: Partial<DueDateInput> = {}): DueDateInput => ({
  acceptedAt,
  limit,
  pauses: [],
  suspendedSince: null,
  extensionWorkdays: 0,
  now: acceptedAt,
  ...rest,
});

const workdays = (amount: number): DeadlineLimit => ({ amount, unit: 'workday' });
const days = (amount: number): DeadlineLimit => ({ amount, unit: 'day' });
const hours = (amount: number): DeadlineLimit => ({ amount, unit: 'hour' });

describe('due date: the acceptance day is not counted', () => {
  it('accepted 2025-09-26 with 5 working days is due 2025-10-10 (make-up Sunday 9-28 counts, the National Day week does not)', () => {
    expect(dueDate(calendar, input(bj('2025-09-26T10:00:00'), workdays(5)))).toEqual({ dueDate: '2025-10-10' });
  });

  it('accepted 2025-01-24, before the Spring Festival, with 3 working days is due 2025-02-05', () => {
    expect(dueDate(calendar, input(bj('2025-01-24T15:00:00'), workdays(3))).dueDate).toBe('2025-02-05');
  });

  it('the acceptance day is the Beijing day: 2025-09-25T16:30Z is 2025-09-26 00:30 in Beijing', () => {
    expect(dueDate(calendar, input('2025-09-25T16:30:00Z', workdays(5))).dueDate).toBe('2025-10-10');
  });

  it('即办 (amount 0) is due the acceptance day, whatever the unit, even on a rest day', () => {
    expect(dueDate(calendar, input(bj('2025-03-03T10:00:00'), workdays(0))).dueDate).toBe('2025-03-03');
    expect(dueDate(calendar, input(bj('2025-03-08T10:00:00'), days(0))).dueDate).toBe('2025-03-08');
    expect(dueDate(calendar, input(bj('2025-03-08T10:00:00'), hours(0))).dueDate).toBe('2025-03-08');
  });

  it('natural days ending on a weekend roll to the Monday (民法典 §203)', () => {
    // Monday 2025-03-03 + 5 natural days = Saturday 03-08 ⇒ Monday 03-10
    expect(dueDate(calendar, input(bj('2025-03-03T10:00:00'), days(5))).dueDate).toBe('2025-03-10');
    // ending on a working day: no roll-over
    expect(dueDate(calendar, input(bj('2025-03-03T10:00:00'), days(4))).dueDate).toBe('2025-03-07');
  });

  it('natural days ending in the National Day holiday roll past it to the next working day', () => {
    // 2025-09-26 + 7 = 10-03 (holiday until 10-08) ⇒ 10-09
    expect(dueDate(calendar, input(bj('2025-09-26T10:00:00'), days(7))).dueDate).toBe('2025-10-09');
  });

  it('refuses a negative or fractional day limit', () => {
    expect(() => dueDate(calendar, input(bj('2025-03-03T10:00:00'), workdays(-1)))).toThrow(RangeError);
    expect(() => dueDate(calendar, input(bj('2025-03-03T10:00:00'), days(1.5)))).toThrow(RangeError);
    expect(() => dueDate(calendar, input('not a date', workdays(1)))).toThrow(RangeError);
  });
});

describe('pauses: working days strictly after the start date up to and including the end date', () => {
  // Monday 2025-03-03 + 10 working days = Monday 2025-03-17
  const accepted = bj('2025-03-03T10:00:00');

  it('a 特别程序 pause covering 3 working days moves the due date by 3 working days', () => {
    const pauses = [{ from: bj('2025-03-05T10:00:00'), to: bj('2025-03-10T16:00:00') }]; // covers Thu 6, Fri 7, Mon 10
    expect(pausedWorkdays(calendar, pauses, null, accepted)).toBe(3);
    expect(dueDate(calendar, input(accepted, workdays(10), { pauses })).dueDate).toBe('2025-03-20');
  });

  it('a pause that starts and ends on the same day covers no working day', () => {
    const pauses = [{ from: bj('2025-03-05T09:00:00'), to: bj('2025-03-05T17:00:00') }];
    expect(dueDate(calendar, input(accepted, workdays(10), { pauses })).dueDate).toBe('2025-03-17');
  });

  it('a pause from Friday to Monday covers one working day (the Monday); one over the weekend only covers none', () => {
    expect(pausedWorkdays(calendar, [{ from: bj('2025-03-07T15:00:00'), to: bj('2025-03-10T09:30:00') }], null, accepted)).toBe(1);
    expect(pausedWorkdays(calendar, [{ from: bj('2025-03-08T10:00:00'), to: bj('2025-03-09T10:00:00') }], null, accepted)).toBe(0);
  });

  it('a pause over a holiday counts only its working days (Spring Festival 2025, make-up Sunday 1-26 counts)', () => {
    // after 2025-01-24 up to 2025-02-06: 1-26, 1-27, 2-5, 2-6
    expect(pausedWorkdays(calendar, [{ from: bj('2025-01-24T10:00:00'), to: bj('2025-02-06T10:00:00') }], null, accepted)).toBe(4);
  });

  it('the pause is dated in Beijing time', () => {
    // 2025-03-04T16:30Z is 2025-03-05 00:30 in Beijing: the pause starts and ends on 03-05 ⇒ 0
    expect(pausedWorkdays(calendar, [{ from: '2025-03-04T16:30:00Z', to: bj('2025-03-05T16:00:00') }], null, accepted)).toBe(0);
  });

  it('several pauses add up, and a working day covered twice counts once', () => {
    const pauses = [
      { from: bj('2025-03-04T10:00:00'), to: bj('2025-03-05T10:00:00') }, // 03-05
      { from: bj('2025-03-05T14:00:00'), to: bj('2025-03-06T10:00:00') }, // 03-06
      { from: bj('2025-03-04T11:00:00'), to: bj('2025-03-06T11:00:00') }, // 03-05, 03-06 again
    ];
    expect(pausedWorkdays(calendar, pauses, null, accepted)).toBe(2);
    expect(dueDate(calendar, input(accepted, workdays(10), { pauses })).dueDate).toBe('2025-03-19');
  });

  it('an ongoing suspension counts up to now', () => {
    const suspendedSince = bj('2025-03-05T10:00:00');
    const on = (now: string) => dueDate(calendar, input(accepted, workdays(10), { suspendedSince, now })).dueDate;
    expect(on(bj('2025-03-05T16:00:00'))).toBe('2025-03-17');
    expect(on(bj('2025-03-07T09:00:00'))).toBe('2025-03-19'); // 03-06, 03-07
    expect(on(bj('2025-03-09T09:00:00'))).toBe('2025-03-19'); // the weekend adds nothing
    expect(on(bj('2025-03-10T09:00:00'))).toBe('2025-03-20');
  });

  it('pauses also move natural-day limits by the working days they covered', () => {
    const pauses = [{ from: bj('2025-03-05T10:00:00'), to: bj('2025-03-10T16:00:00') }];
    // 03-10 (rolled from Saturday 03-08) + 3 working days = 03-13
    expect(dueDate(calendar, input(accepted, days(5), { pauses })).dueDate).toBe('2025-03-13');
  });

  it('refuses a pause that ends before it starts', () => {
    const pauses = [{ from: bj('2025-03-06T10:00:00'), to: bj('2025-03-05T10:00:00') }];
    expect(() => dueDate(calendar, input(accepted, workdays(10), { pauses }))).toThrow(RangeError);
  });
});

describe('extension (延期) adds working days after the shifted date', () => {
  const accepted = bj('2025-03-03T10:00:00');

  it('an extension of 10 working days: 20 working days ⇒ 2025-03-31, extended ⇒ 2025-04-15 (清明 4-4 not counted)', () => {
    expect(dueDate(calendar, input(accepted, workdays(20))).dueDate).toBe('2025-03-31');
    expect(dueDate(calendar, input(accepted, workdays(20), { extensionWorkdays: 10 })).dueDate).toBe('2025-04-15');
  });

  it('the extension comes on top of the pauses', () => {
    const pauses = [{ from: bj('2025-03-05T10:00:00'), to: bj('2025-03-10T16:00:00') }]; // 3 working days
    expect(dueDate(calendar, input(accepted, workdays(20), { pauses, extensionWorkdays: 10 })).dueDate).toBe('2025-04-18');
  });
});

describe('hour limits: working hours 09:00–17:00 Beijing on working days', () => {
  it('within a day: accepted Monday 10:00 with 4 hours is due 14:00 the same day', () => {
    expect(dueDate(calendar, input(bj('2025-03-03T10:00:00'), hours(4)))).toEqual({ dueDate: '2025-03-03', dueAt: bj('2025-03-03T14:00:00') });
  });

  it('a limit ending exactly at 17:00 is due at 17:00 that day', () => {
    expect(dueDate(calendar, input(bj('2025-03-03T09:00:00'), hours(8))).dueAt).toBe(bj('2025-03-03T17:00:00'));
  });

  it('across days: accepted Monday 15:00 with 4 hours is due Tuesday 11:00', () => {
    expect(dueDate(calendar, input(bj('2025-03-03T15:00:00'), hours(4)))).toEqual({ dueDate: '2025-03-04', dueAt: bj('2025-03-04T11:00:00') });
  });

  it('over a weekend: accepted Friday 16:00 with 8 hours is due Monday 16:00', () => {
    expect(dueDate(calendar, input(bj('2025-03-07T16:00:00'), hours(8)))).toEqual({ dueDate: '2025-03-10', dueAt: bj('2025-03-10T16:00:00') });
  });

  it('over the Spring Festival: accepted 2025-01-27 16:00 with 2 hours is due 2025-02-05 10:00', () => {
    expect(dueDate(calendar, input(bj('2025-01-27T16:00:00'), hours(2))).dueAt).toBe(bj('2025-02-05T10:00:00'));
  });

  it('the clock starts at 09:00: accepted before opening, after closing, or on a rest day', () => {
    expect(dueDate(calendar, input(bj('2025-03-03T07:30:00'), hours(2))).dueAt).toBe(bj('2025-03-03T11:00:00'));
    expect(dueDate(calendar, input(bj('2025-03-03T18:00:00'), hours(2))).dueAt).toBe(bj('2025-03-04T11:00:00'));
    expect(dueDate(calendar, input(bj('2025-03-08T10:00:00'), hours(2))).dueAt).toBe(bj('2025-03-10T11:00:00'));
  });

  it('fractional hours count in minutes', () => {
    expect(dueDate(calendar, input(bj('2025-03-03T10:00:00'), hours(1.5))).dueAt).toBe(bj('2025-03-03T11:30:00'));
  });

  it('pauses and extension move an hour deadline by working days, keeping its time of day', () => {
    const pauses = [{ from: bj('2025-03-03T11:00:00'), to: bj('2025-03-04T10:00:00') }]; // covers 03-04
    expect(dueDate(calendar, input(bj('2025-03-03T15:00:00'), hours(4), { pauses, extensionWorkdays: 1 }))).toEqual({
      dueDate: '2025-03-06',
      dueAt: bj('2025-03-06T11:00:00'),
    });
  });
});

describe('remaining working days', () => {
  it('counts from today (not counted) to the due date (counted), 0 on the due date', () => {
    expect(remainingWorkdays(calendar, '2025-03-17', bj('2025-03-12T10:00:00'))).toBe(3);
    expect(remainingWorkdays(calendar, '2025-03-17', bj('2025-03-15T10:00:00'))).toBe(1);
    expect(remainingWorkdays(calendar, '2025-03-17', bj('2025-03-17T23:59:00'))).toBe(0);
  });

  it('is negative when overdue, at least −1 even on a rest day right after the due date', () => {
    expect(remainingWorkdays(calendar, '2025-03-14', bj('2025-03-15T10:00:00'))).toBe(-1);
    expect(remainingWorkdays(calendar, '2025-03-14', bj('2025-03-17T10:00:00'))).toBe(-1);
    expect(remainingWorkdays(calendar, '2025-03-14', bj('2025-03-18T10:00:00'))).toBe(-2);
  });
});

describe('clock colour', () => {
  const due = '2025-03-17'; // Monday
  const colour = (now: string, extra: { warnWorkdays?: number; suspended?: boolean; dueAt?: string } = {}) =>
    clockColour(calendar, { dueDate: due, now, suspended: false, ...extra });

  it('green while more than 2 working days remain', () => {
    expect(colour(bj('2025-03-12T23:59:00'))).toBe('green'); // 3 left
  });

  it('yellow from 2 working days left down to the due date itself', () => {
    expect(colour(bj('2025-03-13T00:00:00'))).toBe('yellow'); // 2 left
    expect(colour(bj('2025-03-15T12:00:00'))).toBe('yellow'); // Saturday: 1 left
    expect(colour(bj('2025-03-17T23:59:00'))).toBe('yellow'); // 0 left
  });

  it('red when today (Beijing) is after the due date', () => {
    expect(colour('2025-03-17T15:59:00Z')).toBe('yellow'); // 23:59 Beijing
    expect(colour('2025-03-17T16:00:00Z')).toBe('red'); // 00:00 Beijing, 03-18
  });

  it('red on a rest day right after a Friday due date', () => {
    expect(clockColour(calendar, { dueDate: '2025-03-14', now: bj('2025-03-15T10:00:00'), suspended: false })).toBe('red');
  });

  it('the warning threshold is configurable', () => {
    expect(colour(bj('2025-03-12T10:00:00'), { warnWorkdays: 3 })).toBe('yellow');
    expect(colour(bj('2025-03-14T10:00:00'), { warnWorkdays: 0 })).toBe('green'); // 1 left
    expect(colour(bj('2025-03-17T10:00:00'), { warnWorkdays: 0 })).toBe('yellow');
    expect(() => colour(bj('2025-03-17T10:00:00'), { warnWorkdays: -1 })).toThrow(RangeError);
  });

  it('paused while suspended, even when it would be red', () => {
    expect(colour(bj('2025-03-12T10:00:00'), { suspended: true })).toBe('paused');
    expect(colour(bj('2025-03-20T10:00:00'), { suspended: true })).toBe('paused');
  });

  it('an hour deadline is red once its time has passed on the due day', () => {
    expect(colour(bj('2025-03-17T13:59:00'), { dueAt: bj('2025-03-17T14:00:00') })).toBe('yellow');
    expect(colour(bj('2025-03-17T14:01:00'), { dueAt: bj('2025-03-17T14:00:00') })).toBe('red');
  });
});

describe('never guesses a year without announced holidays', () => {
  it('a due date in 2027 throws CalendarYearUnknownError', () => {
    expect(() => dueDate(calendar, input(bj('2026-12-24T10:00:00'), workdays(10)))).toThrow(CalendarYearUnknownError);
    expect(() => dueDate(calendar, input(bj('2026-12-28T10:00:00'), days(10)))).toThrow(CalendarYearUnknownError);
    expect(() => dueDate(calendar, input(bj('2026-12-31T16:00:00'), hours(4)))).toThrow(CalendarYearUnknownError);
  });

  it('an ongoing suspension into 2027 and the remaining days to a 2027 due date throw too', () => {
    const accepted = bj('2026-12-01T10:00:00');
    expect(() => dueDate(calendar, input(accepted, workdays(5), { suspendedSince: bj('2026-12-30T10:00:00'), now: bj('2027-01-04T10:00:00') }))).toThrow(
      CalendarYearUnknownError,
    );
    expect(() => remainingWorkdays(calendar, '2027-01-08', bj('2026-12-30T10:00:00'))).toThrow(CalendarYearUnknownError);
    expect(() => clockColour(calendar, { dueDate: '2027-01-08', now: bj('2026-12-30T10:00:00'), suspended: false })).toThrow(CalendarYearUnknownError);
  });
});
