import type { EndpointName } from '../provider-definition.js';

/**
 * The methods each registry endpoint brings to a per-provider client; mirrors the type
 * `MethodsByEndpoint` in client-types.ts (a test checks they agree).
 */
export const METHODS_BY_ENDPOINT: Readonly<Record<EndpointName, readonly string[]>> = {
  chat: ['chat', 'chatStream'],
  embeddings: ['embed'],
  models: ['listModels'],
  completions: ['completion'],
  images: ['imageGenerate'],
  speech: ['speech'],
  transcriptions: ['transcribe'],
  translations: ['translate'],
  moderations: ['moderate'],
  rerank: ['rerank'],
  search: ['search'],
  ocr: ['ocr'],
  files: ['files'],
  batches: ['batches'],
  responses: ['responses'],
};
