export * from './local-date.js';
export * from './working-days.js';
export * from './deadlines.js';
