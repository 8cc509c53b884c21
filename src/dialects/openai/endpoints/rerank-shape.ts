import type { RerankRequest } from '../../../../generated/types/index.js';
import { validateRerankResponse } from '../../../../generated/validators/rerank-response.js';
import { createJsonShape } from './create-json-shape.js';

/** `rerank`: `POST /rerank` as gateways, vLLM, llama.cpp, Infinity and Jina serve it. */
export const rerankShape = createJsonShape<RerankRequest>({
  endpoint: 'rerank',
  openAiPath: '/rerank',
  validate: validateRerankResponse,
  what: 'rerank',
});
