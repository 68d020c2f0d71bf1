export * from './zh-format.js';
export * from './labels.js';
export * from './draft.js';
export * from './blocks.js';
export * from './markdown.js';
export * from './approval.js';
export * from './sample-record.js';
export * from './prosemirror.js';
