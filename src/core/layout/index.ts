export * from './headers';
export * from './detect';
export * from './localId';
