import type { EmbeddingRequest } from '../../../generated/types/index.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { WireRequest } from '../dialect.js';
import { parseEmbeddingTexts } from '../gemini/parse-embedding-texts.js';

export const DEFAULT_VERTEX_EMBEDDINGS_PATH = '/publishers/google/models/{model}:predict';

/**
 * An OpenAI embedding request as a Vertex AI text-embedding `predict` call: one instance per input
 * text, `dimensions` as `parameters.outputDimensionality`. `extra_body.parameters` (e.g.
 * `autoTruncate`) merges into `parameters`; other `extra_body` keys (e.g. `task_type`, `title`)
 * into each instance, where Vertex reads them.
 */
export function convertVertexEmbeddingRequest(request: EmbeddingRequest, route: ResolvedRoute): WireRequest {
  const texts = parseEmbeddingTexts(request.input, route.provider.id);
  const warnings: string[] = [];
  if (request.encoding_format === 'base64') warnings.push('encoding_format "base64": Vertex AI returns float arrays, which are passed on as they are');
  if (request.user !== undefined) warnings.push('user: Vertex AI has no equivalent; dropped');
  const { parameters: extraParameters, ...extraInstance } = (request.extra_body ?? {}) as Record<string, unknown>;
  const parameters: Record<string, unknown> = {
    ...(request.dimensions === undefined ? {} : { outputDimensionality: request.dimensions }),
    ...(extraParameters !== null && typeof extraParameters === 'object' ? extraParameters : {}),
  };
  const body: Record<string, unknown> = { instances: texts.map((content) => ({ content, ...extraInstance })) };
  if (Object.keys(parameters).length > 0) body.parameters = parameters;
  return {
    endpoint: 'embeddings',
    method: 'POST',
    path: route.provider.definition.endpoints.embeddings?.path ?? DEFAULT_VERTEX_EMBEDDINGS_PATH,
    body,
    warnings,
  };
}
