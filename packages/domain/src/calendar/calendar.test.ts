import { describe, expect, it } from 'vitest';
import chineseDays from 'chinese-days';
import { ANNOUNCED_YEARS } from './official-holidays.ts';
import { addCalendarDays, CalendarYearUnknownError, expandAnnouncedYear, missingNextYear, WorkingCalendar } from './calendar.ts';

const calendar = new WorkingCalendar(
  ANNOUNCED_YEARS.map((y) => y.year),
  ANNOUNCED_YEARS.flatMap(expandAnnouncedYear),
);

describe('working-day calendar', () => {
  it('agrees with an independent source (chinese-days) on every day from 2020 to 2026', () => {
    const disagreements: string[] = [];
    for (let day = '2020-01-01'; day <= '2026-12-31'; day = addCalendarDays(day, 1)) {
      if (calendar.isWorkday(day) !== chineseDays.isWorkday(day)) disagreements.push(day);
    }
    expect(disagreements).toEqual([]);
  });

  it('a case accepted on 2025-09-26 with 5 working days is due on 2025-10-10 (make-up Sunday 9-28 counts, the National Day week does not)', () => {
    expect(calendar.addWorkdays('2025-09-26', 5)).toBe('2025-10-10');
  });

  it('a case accepted just before the 2025 Spring Festival skips the whole holiday', () => {
    // 1-24 Fri; 1-26 Sun is a make-up workday; 1-28..2-4 holiday
    expect(calendar.addWorkdays('2025-01-24', 1)).toBe('2025-01-26');
    expect(calendar.addWorkdays('2025-01-24', 3)).toBe('2025-02-05');
    expect(calendar.addWorkdays('2025-01-24', 20)).toBe('2025-02-27'); // 2-8 Saturday is a make-up workday too
  });

  it('does not count the start day, and 0 working days is the start day itself (即办)', () => {
    expect(calendar.addWorkdays('2026-11-27', 1)).toBe('2026-11-30');
    expect(calendar.addWorkdays('2026-11-27', 0)).toBe('2026-11-27');
  });

  it('a natural-day period ending on a rest day ends on the next working day (民法典 §203)', () => {
    expect(calendar.addNaturalDays('2026-11-20', 8)).toBe('2026-11-30'); // 11-28 is a Saturday
    expect(calendar.addNaturalDays('2026-09-24', 7)).toBe('2026-10-08'); // 10-01 lies in the National Day holiday
    expect(calendar.addNaturalDays('2026-11-20', 5)).toBe('2026-11-25');
  });

  it('refuses to compute into a year with no announced arrangements', () => {
    expect(() => calendar.addWorkdays('2026-12-28', 5)).toThrow(CalendarYearUnknownError);
    expect(() => calendar.isWorkday('2019-12-31')).toThrow(/2019年的节假日安排尚未录入/);
  });

  it('warns from 1 November when next year is missing', () => {
    expect(missingNextYear(calendar, '2026-10-31')).toBeNull();
    expect(missingNextYear(calendar, '2026-11-01')).toBe(2027);
    expect(missingNextYear(calendar, '2027-01-02')).toBe(2027);
  });

  it('counts working days between two dates', () => {
    expect(calendar.workdaysBetween('2025-09-26', '2025-10-10')).toBe(5);
    expect(calendar.workdaysBetween('2025-10-10', '2025-09-26')).toBe(-5);
  });
});
