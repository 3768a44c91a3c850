// The deadline clock as a tag: its colour, and its words with the working days left when they are known.
import { remainingWorkdays, type ClockColour, type WorkingCalendar } from '@onewindow/domain';
import type { CaseTextKey } from './messages.ts';

export interface ClockTagText {
  /** antd Tag preset colour */
  color: 'success' | 'warning' | 'error' | 'default';
  key: CaseTextKey;
  params?: { days: number };
}

const COLOURS: Record<ClockColour, ClockTagText['color']> = { green: 'success', yellow: 'warning', red: 'error', paused: 'default' };

/** Words for the clock; without `remaining` (a year whose holidays are not entered) only the colour's meaning. */
export function clockTag(clock: ClockColour, remaining: number | null): ClockTagText {
  const color = COLOURS[clock];
  if (clock === 'paused') return { color, key: 'clock.paused' };
  if (remaining === null) return { color, key: `clock.${clock}` };
  if (remaining < 0) return { color, key: 'clock.overdueDays', params: { days: -remaining } };
  if (remaining === 0) return { color, key: 'clock.dueToday' };
  return { color, key: 'clock.daysLeft', params: { days: remaining } };
}

/** Working days left, or null when the calendar does not know a year the count crosses. */
export function workdaysLeft(calendar: WorkingCalendar | null, dueDate: string, now: Date = new Date()): number | null {
  if (!calendar) return null;
  try {
    return remainingWorkdays(calendar, dueDate, now.toISOString());
  } catch {
    // CalendarYearUnknownError: the server says the colour, the count waits for the year's holidays.
    return null;
  }
}
