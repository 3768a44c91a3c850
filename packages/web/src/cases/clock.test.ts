import { describe, expect, it } from 'vitest';
import { WorkingCalendar } from '@onewindow/domain';
import { clockTag, workdaysLeft } from './clock.ts';
import { yearsSpanned } from './useWorkingCalendar.ts';

describe('the deadline clock tag', () => {
  it('counts the working days left in its colour', () => {
    expect(clockTag('green', 5)).toEqual({ color: 'success', key: 'clock.daysLeft', params: { days: 5 } });
    expect(clockTag('yellow', 1)).toEqual({ color: 'warning', key: 'clock.daysLeft', params: { days: 1 } });
  });

  it('says 今日到期 on the due date and counts the days past it when overdue', () => {
    expect(clockTag('yellow', 0)).toEqual({ color: 'warning', key: 'clock.dueToday' });
    expect(clockTag('red', -3)).toEqual({ color: 'error', key: 'clock.overdueDays', params: { days: 3 } });
  });

  it('shows a suspended case as paused, whatever the count', () => {
    expect(clockTag('paused', 4)).toEqual({ color: 'default', key: 'clock.paused' });
  });

  it('falls back to the colour’s meaning when the days cannot be counted', () => {
    expect(clockTag('green', null).key).toBe('clock.green');
    expect(clockTag('red', null).key).toBe('clock.red');
  });
});

describe('working days left in a worklist', () => {
  // 2026-11-27 is a Friday; the weekend does not count.
  const calendar = new WorkingCalendar([2026], []);
  const friday = new Date('2026-11-27T02:00:00Z');

  it('skips the weekend, as the server counts', () => {
    expect(workdaysLeft(calendar, '2026-12-02', friday)).toBe(3);
    expect(workdaysLeft(calendar, '2026-11-27', friday)).toBe(0);
  });

  it('is unknown rather than guessed across a year whose holidays are not entered', () => {
    expect(workdaysLeft(calendar, '2027-01-05', friday)).toBeNull();
    expect(workdaysLeft(null, '2026-12-02', friday)).toBeNull();
  });

  it('loads every year between today and the furthest due date', () => {
    expect(yearsSpanned('2026-11-27', ['2026-12-02'])).toEqual([2026]);
    expect(yearsSpanned('2026-11-27', ['2028-01-05', '2025-12-30'])).toEqual([2025, 2026, 2027, 2028]);
  });
});
