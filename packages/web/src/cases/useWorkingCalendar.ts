// The working-day calendar in the browser, so a worklist can say how many working days each case has left with the
// very rule the server uses (remainingWorkdays). Years are fetched once per page load and shared by every list.
import { useEffect, useState } from 'react';
import { beijingToday, WorkingCalendar, type CalendarDay } from '@onewindow/domain';
import { api, isApiError } from '../shared/api.ts';

interface CalendarYear {
  year: number;
  holidays: { date: string; name: string }[];
  workdays: { date: string; name: string }[];
}

/** null for a year the server does not know (its holidays are not entered yet). */
const years = new Map<number, Promise<CalendarYear | null>>();

function loadYear(year: number): Promise<CalendarYear | null> {
  let loading = years.get(year);
  if (!loading) {
    loading = api.get<CalendarYear>(`/api/calendar/${year}`).catch((error: unknown) => {
      // An unknown year stays unknown for this page; anything else (the network) is tried again next time.
      if (!isApiError(error, 'CALENDAR_YEAR_UNKNOWN')) years.delete(year);
      return null;
    });
    years.set(year, loading);
  }
  return loading;
}

/** The years a count from today to each date crosses. */
export function yearsSpanned(today: string, dates: string[]): number[] {
  const all = [today, ...dates].map((date) => Number(date.slice(0, 4)));
  const first = Math.min(...all);
  const last = Math.max(...all);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** A calendar covering today and the given due dates, or null until it is loaded. */
export function useWorkingCalendar(dueDates: (string | null)[]): WorkingCalendar | null {
  const needed = yearsSpanned(beijingToday(), dueDates.filter((date): date is string => date !== null)).join(',');
  // While a wider range loads, the previous calendar still answers for the dates it knows.
  const [calendar, setCalendar] = useState<WorkingCalendar | null>(null);

  useEffect(() => {
    let cancelled = false;
    const wanted = needed.split(',').map(Number);
    void Promise.all(wanted.map(loadYear)).then((loaded) => {
      if (cancelled) return;
      const known = loaded.filter((year): year is CalendarYear => year !== null);
      const days: CalendarDay[] = known.flatMap((year) => [
        ...year.holidays.map((day) => ({ ...day, kind: 'holiday' as const })),
        ...year.workdays.map((day) => ({ ...day, kind: 'workday' as const })),
      ]);
      setCalendar(new WorkingCalendar(known.map((year) => year.year), days));
    });
    return () => {
      cancelled = true;
    };
  }, [needed]);

  return calendar;
}
