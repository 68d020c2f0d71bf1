export * from './access/meeting-access.js';
export * from './access/user-admin.js';
export * from './audit/hash-chain.js';
export * from './text/index.js';
