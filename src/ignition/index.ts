export * from './types';
export * from './template';
export * from './dataurl';
export * from './builder';
export * from './install';
