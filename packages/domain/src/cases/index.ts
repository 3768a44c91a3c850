export * from './number.ts';
export * from './lifecycle.ts';
export * from './deadline.ts';
export * from './workflow.ts';
export * from './delivery.ts';
