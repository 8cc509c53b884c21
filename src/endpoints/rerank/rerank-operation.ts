import type { RerankRequest } from '../../../generated/types/index.js';
import { validateRerankResponse } from '../../../generated/validators/rerank-response.js';
import { createJsonShape } from '../create-json-shape.js';
import type { EndpointOperation, EndpointShape } from '../endpoint-operation.js';
import { cohereRerankShape } from './cohere-rerank-shape.js';
import { voyageRerankShape } from './voyage-rerank-shape.js';

/** `POST /rerank` as gateways, vLLM, llama.cpp, Infinity and Jina serve it. */
const openAiRerankShape = createJsonShape<RerankRequest>({
  endpoint: 'rerank',
  openAiPath: '/rerank',
  validate: validateRerankResponse,
  what: 'rerank',
});

const NATIVE_SHAPES: Readonly<Partial<Record<string, EndpointShape<RerankRequest>>>> = {
  cohere: cohereRerankShape,
  jina: openAiRerankShape,
  voyage: voyageRerankShape,
};

/** `rerank`: the shape follows the provider's registry `dialect` (Cohere, Jina, Voyage), else OpenAI-style. */
export const rerankOperation: EndpointOperation<RerankRequest> = {
  endpoint: 'rerank',
  openAi: openAiRerankShape,
  resolveNative: (provider) => NATIVE_SHAPES[provider.definition.dialect],
};
