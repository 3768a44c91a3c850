export * from './identifiers.ts';
export * from './mask.ts';
export * from './roles.ts';
