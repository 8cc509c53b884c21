// `liter-llm/middleware`: the middleware factories and stores, for apps on `liter-llm/core` that
// compose layers themselves (`createProviderClient(defs, { middleware: [createCacheMiddleware()] })`).
export * from './middleware/middleware-exports.js';
