export * from './api';
export * from './process';
