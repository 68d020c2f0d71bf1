export * from './document-access.js';
export * from './templates.js';
export * from './versions.js';
