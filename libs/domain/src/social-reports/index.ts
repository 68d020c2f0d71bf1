export * from './social-report.js';
export * from './transition.js';
