export * from './model';
export * from './validate';
export * from './render';
