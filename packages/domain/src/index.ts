export * from './identifiers.ts';
export * from './mask.ts';
export * from './roles.ts';
export * from './catalog/index.ts';
export * from './dates.ts';
export * from './calendar/index.ts';
export * from './accounts.ts';
export * from './cases/index.ts';
