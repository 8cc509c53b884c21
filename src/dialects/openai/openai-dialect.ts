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
import { applyRequestQuirks } from '../shared/apply-request-quirks.js';
import { parseStreamEventData } from '../../streaming/parse-stream-event-data.js';

/** OpenAI's wire format, with each provider's registry quirks applied on the way out. */
export const openAiDialect: Dialect = {
  name: 'openai',

  convertChatRequest(request, route, stream) {
    const { body, warnings } = applyRequestQuirks({ ...request, model: route.model }, route.provider.quirks, {
      defaults: true,
    });
    if (stream) {
      body.stream = true;
      if (route.provider.quirks.streamUsage && body.stream_options === undefined) {
        body.stream_options = { include_usage: true };
      }
    } else {
      delete body.stream;
      delete body.stream_options;
    }
    return { endpoint: 'chat', method: 'POST', path: endpointPath(route, 'chat', '/chat/completions'), body, warnings };
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
    const { body, warnings } = applyRequestQuirks({ ...request, model: route.model }, route.provider.quirks, {
      defaults: false,
    });
    return {
      endpoint: 'embeddings',
      method: 'POST',
      path: endpointPath(route, 'embeddings', '/embeddings'),
      body,
      warnings,
    };
  },

  convertEmbeddingResponse(body, route) {
    return checkBody<EmbeddingResponse>(body, route, validateEmbeddingResponse, 'embedding');
  },

  convertListModelsRequest(route) {
    return {
      endpoint: 'models',
      method: 'GET',
      path: endpointPath(route, 'models', '/models'),
      body: undefined,
      warnings: [],
    };
  },

  convertListModelsResponse(body, route) {
    return checkBody<ModelsListResponse>(body, route, validateModelsListResponse, 'models list');
  },
};

/** A gateway speaks plain OpenAI paths; a registry provider uses the paths it declares. */
function endpointPath(route: ResolvedRoute, endpoint: 'chat' | 'embeddings' | 'models', openAiPath: string): string {
  if (route.provider.gateway) return openAiPath;
  return route.provider.definition.endpoints[endpoint]?.path ?? openAiPath;
}

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
