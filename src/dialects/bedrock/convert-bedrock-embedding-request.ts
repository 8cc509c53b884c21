import type { EmbeddingRequest } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { WireRequest } from '../dialect.js';
import { bedrockEndpointPath } from './bedrock-endpoint-path.js';
import type { CohereEmbeddingRequest, TitanEmbeddingRequest } from './bedrock-wire-types.js';
import { parseBedrockModelId } from './parse-bedrock-model-id.js';

/** Cohere Embed on Bedrock takes at most this many texts per call. */
const COHERE_MAX_TEXTS = 96;

/**
 * An OpenAI embedding request as the InvokeModel body of the model's vendor: Cohere Embed
 * (`texts`, `input_type` defaulting to `search_document`) for `cohere.*` ids, Titan Text
 * Embeddings (`inputText`, `dimensions`) otherwise. `extra_body` is merged into that body as-is
 * (`normalize`, `input_type`, `truncate`, `embedding_types`, ...).
 *
 * Titan embeds one text per call. The core sends one HTTP request per embed call, so several
 * inputs for Titan are refused here rather than silently cut to the first; fanning out needs the
 * core to accept several wire requests per call.
 */
export function convertBedrockEmbeddingRequest(request: EmbeddingRequest, route: ResolvedRoute): WireRequest {
  const texts = readTexts(request.input);
  const warnings: string[] = [];
  if (request.encoding_format === 'base64') warnings.push('encoding_format "base64" is not supported by Bedrock; embeddings are returned as float arrays');
  if (request.user !== undefined) warnings.push('user is not supported by Bedrock and was dropped');
  const extra = request.extra_body ?? {};
  let body: TitanEmbeddingRequest | CohereEmbeddingRequest;
  if (parseBedrockModelId(route.model).vendor === 'cohere') {
    if (texts.length > COHERE_MAX_TEXTS) {
      throw new BadRequestError(`input: Cohere Embed on Bedrock takes at most ${COHERE_MAX_TEXTS} texts per call (got ${texts.length})`);
    }
    body = { texts, input_type: 'search_document', ...(request.dimensions === undefined ? {} : { output_dimension: request.dimensions }), ...extra };
  } else {
    const [text] = texts;
    if (texts.length !== 1 || text === undefined) {
      throw new BadRequestError(
        `input: Titan embedding models on Bedrock embed one text per call (got ${texts.length}); call embed once per text`,
      );
    }
    body = { inputText: text, ...(request.dimensions === undefined ? {} : { dimensions: request.dimensions }), ...extra };
  }
  return { endpoint: 'embeddings', method: 'POST', path: bedrockEndpointPath(route, 'embeddings'), body, warnings };
}

function readTexts(input: EmbeddingRequest['input']): string[] {
  if (typeof input === 'string') return [input];
  if (Array.isArray(input) && input.every((item): item is string => typeof item === 'string')) return [...input];
  throw new BadRequestError('input: Bedrock embedding models take text, not token ids');
}
