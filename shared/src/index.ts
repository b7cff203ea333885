export * from './api';
export * from './process';
export * from './settings';
export * from './start-form';
export * from './identity-provider';
