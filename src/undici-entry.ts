// `liter-llm/undici`: a Node-only transport over undici for the client's `fetch` option. Its own
// entry so that `liter-llm` and `liter-llm/core` never load undici or node:stream.
export { createUndiciFetch, type UndiciFetch, type UndiciFetchOptions } from './transport/create-undici-fetch.js';
