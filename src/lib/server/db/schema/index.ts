export * from './accounts';
export * from './groups';
export * from './audit';
