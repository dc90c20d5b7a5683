export * from './serial';
export * from './numberFormat';
export * from './parseText';
export * from './decode';
export * from './titleAsOf';
export * from './numbers';
