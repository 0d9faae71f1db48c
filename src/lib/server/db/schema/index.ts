export * from './accounts';
export * from './groups';
export * from './audit';
export * from './membership';
export * from './meetings';
export * from './questions';
export * from './search';
export * from './minutes';
