export * from './errors.js';
export * from './common.js';
export * from './health.js';
export * from './users.js';
export * from './auth.js';
export * from './meetings.js';
export * from './audit.js';
