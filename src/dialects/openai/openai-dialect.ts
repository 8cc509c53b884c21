import type {
  ChatCompletionChunk,
  ChatCompletionResponse,
  EmbeddingResponse,
  ModelsListResponse,
} from '../../../generated/types/index.js';
import { validateChatCompletionChunk } from '../../../generated/validators/chat-completion-chunk.js';
import { validateChatCompletionResponse } from '../../../generated/validators/chat-completion-response.js';
import { validateEmbeddingResponse } from '../../../generated/validators/embedding-response.js';
import { validateModelsListResponse } from '../../../generated/validators/models-list-response.js';
import { createPayloadError } from '../../errors/create-http-error.js';
import { InvalidResponseError, StreamError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { Dialect, StreamEventResult } from '../dialect.js';
import { isRecord } from '../shared/is-record.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';
import { withRegistryQuirks } from '../shared/with-registry-quirks.js';
import { parseStreamEventData } from '../../streaming/parse-stream-event-data.js';

/**
 * OpenAI's wire format as it is, without registry quirks: `extra_body` merged last, as-is. Dialects
 * that reuse OpenAI's shapes (Azure) build on this one and apply the quirks once themselves.
 */
export const openAiFormat: Dialect = {
  name: 'openai',

  convertChatRequest(request, route, stream) {
    const body = withExtraBody(request, route);
    if (stream) body.stream = true;
    else {
      delete body.stream;
      delete body.stream_options;
    }
    return { endpoint: 'chat', method: 'POST', path: resolveEndpointPath(route, 'chat', '/chat/completions'), body, warnings: [] };
  },

  convertChatResponse(body, route) {
    return checkBody<ChatCompletionResponse>(body, route, validateChatCompletionResponse, 'chat completion');
  },

  createChatStreamConverter(route) {
    return (event): StreamEventResult => {
      const data = event.data.trim();
      if (data === '[DONE]') return { type: 'done' };
      if (data === '') return { type: 'ignore' };
      const payload = parseStreamEventData(data, { provider: route.provider.id, model: route.model });
      if (event.event === 'error' || isErrorPayload(payload)) {
        throw createPayloadError(isErrorPayload(payload) ? payload : { error: payload }, {
          provider: route.provider.id,
          model: route.model,
          secrets: [],
        });
      }
      const problem = validateChatCompletionChunk(payload);
      if (problem !== undefined) {
        throw new StreamError(`${route.provider.id}: stream chunk does not fit ChatCompletionChunk: ${problem}`, {
          provider: route.provider.id,
          model: route.model,
          body: payload,
        });
      }
      return { type: 'chunks', chunks: [payload as ChatCompletionChunk] };
    };
  },

  convertEmbeddingRequest(request, route) {
    return {
      endpoint: 'embeddings',
      method: 'POST',
      path: resolveEndpointPath(route, 'embeddings', '/embeddings'),
      body: withExtraBody(request, route),
      warnings: [],
    };
  },

  convertEmbeddingResponse(body, route) {
    return checkBody<EmbeddingResponse>(body, route, validateEmbeddingResponse, 'embedding');
  },

  convertListModelsRequest(route) {
    return {
      endpoint: 'models',
      method: 'GET',
      path: resolveEndpointPath(route, 'models', '/models'),
      body: undefined,
      warnings: [],
    };
  },

  convertListModelsResponse(body, route) {
    return checkBody<ModelsListResponse>(body, route, validateModelsListResponse, 'models list');
  },

  // OpenAI's error table is the shared status mapping itself (createHttpError, secrets scrubbed).
  convertErrorResponse: () => undefined,
};

/** The request as OpenAI's body, for the route's model, with `extra_body` merged last and untouched. */
function withExtraBody(request: { readonly extra_body?: unknown }, route: ResolvedRoute): Record<string, unknown> {
  const { extra_body: extraBody, ...rest } = request;
  const body: Record<string, unknown> = { ...rest, model: route.model };
  if (isRecord(extraBody)) Object.assign(body, extraBody);
  return body;
}

/** OpenAI's wire format, with each provider's registry quirks applied on the way out. */
export const openAiDialect: Dialect = withRegistryQuirks(openAiFormat);

function isErrorPayload(payload: unknown): payload is { error: unknown } {
  return (
    payload !== null &&
    typeof payload === 'object' &&
    'error' in payload &&
    (payload as { error: unknown }).error !== null &&
    (payload as { error: unknown }).error !== undefined
  );
}

function checkBody<T>(
  body: unknown,
  route: ResolvedRoute,
  validate: (data: unknown) => string | undefined,
  what: string,
): T {
  // Some gateways answer 200 with only an error object.
  if (isErrorPayload(body) && !('choices' in (body as object)) && !('data' in (body as object))) {
    throw createPayloadError(body, { provider: route.provider.id, model: route.model, secrets: [] });
  }
  const problem = validate(body);
  if (problem !== undefined) {
    throw new InvalidResponseError(`${route.provider.id}: the ${what} response does not fit its schema: ${problem}`, {
      provider: route.provider.id,
      model: route.model,
      body,
    });
  }
  return body as T;
}
