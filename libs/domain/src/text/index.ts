export * from './normalize.js';
export * from './stopwords.js';
export * from './segment.js';
export * from './search-query.js';
export * from './snippet.js';
export * from './similarity.js';
export * from './similarity-index.js';
