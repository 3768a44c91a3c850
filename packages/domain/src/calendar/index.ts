export * from './calendar.ts';
export * from './official-holidays.ts';
