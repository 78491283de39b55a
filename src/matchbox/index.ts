export * from './model';
export * from './mac';
export * from './render';
export * from './select';
export * from './ipxe';
export * from './release';
export * from './validate';
export * from './scripts';
