export * from './number.ts';
export * from './lifecycle.ts';
