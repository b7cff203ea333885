export * from './api';
export * from './process';
export * from './settings';
export * from './start-form';
export * from './identity-provider';
export * from './report-template';
export * from './file-room';
