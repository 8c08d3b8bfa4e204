export * from './counts';
export * from './identityCenter';
export * from './ids';
export * from './organizations';
export * from './prng';
export * from './types';
