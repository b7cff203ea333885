export * from './api';
export * from './process';
export * from './settings';
