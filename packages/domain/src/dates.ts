// Dates as Chinese users and offices mean them: the calendar day in Beijing time (UTC+8, no daylight saving).

const BEIJING_OFFSET_MS = 8 * 3600_000;

/** Today's date in Beijing as YYYY-MM-DD. */
export function beijingToday(now: Date = new Date()): string {
  return new Date(now.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

/** 2026-01-05 → 2026年1月5日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}
