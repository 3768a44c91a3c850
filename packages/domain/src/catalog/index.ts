export * from './codes.ts';
export * from './form.ts';
export * from './guide.ts';
export * from './quality.ts';
export * from './diff.ts';
export * from './sample-guide.ts';
