export * from './detectors';
export * from './identifying';
export * from './pseudonym';
export * from './scrub';
export * from './plan';
