import type { ChatCompletionRequest, EmbeddingRequest } from '../../generated/types/index.js';
import type { Dialect, WireRequest } from '../dialects/dialect.js';
import { resolveDialect } from '../dialects/resolve-dialect.js';
import { EndpointNotSupportedError } from '../errors/error-classes.js';
import { isLiterLlmError } from '../errors/liter-llm-error.js';
import { sendWithRetry, type SendResult } from '../http/send-with-retry.js';
import type { CallContext, Next } from '../middleware/compose.js';
import type { EndpointName } from '../provider-definition.js';
import { readChatStream } from '../streaming/read-chat-stream.js';

export interface CoreHandlerInput {
  readonly fetch: typeof fetch | undefined;
  /** Every configured key, scrubbed from errors. */
  readonly secrets: readonly string[];
}

/** The innermost handler: dialect conversion, one HTTP exchange (with retries), conversion back. */
export function createCoreHandler(input: CoreHandlerInput): Next {
  const sendOnce = (context: CallContext, dialect: Dialect, wire: WireRequest, mode: 'json' | 'stream'): Promise<SendResult> => {
    const { route, options, info } = context;
    const headers = { ...route.provider.buildHeaders(options.headers), ...wire.headers };
    headers.accept ??= mode === 'stream' ? 'text/event-stream' : 'application/json';
    if (wire.body !== undefined) headers['content-type'] ??= 'application/json';
    const authorizer = route.provider.authorizer;
    return sendWithRetry({
      url: route.provider.buildUrl(wire.path, route.model),
      method: wire.method,
      headers,
      body: wire.body === undefined ? undefined : JSON.stringify(wire.body),
      fetch: input.fetch,
      maxRetries: options.maxRetries,
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      mode,
      provider: route.provider.id,
      model: route.model,
      secrets: input.secrets,
      onAttempt: () => {
        info.attempts += 1;
      },
      authorize: authorizer === undefined ? undefined : (request) => authorizer.headers(request),
      mapError:
        dialect.convertErrorResponse === undefined ? undefined : (status, body) => dialect.convertErrorResponse?.(status, body, route),
    });
  };

  const send = async (context: CallContext, dialect: Dialect, wire: WireRequest, mode: 'json' | 'stream'): Promise<SendResult> => {
    const { route, info } = context;
    if (!route.provider.gateway && route.provider.definition.endpoints[wire.endpoint] === undefined) {
      throw unsupported(route.provider.id, wire.endpoint);
    }
    info.warnings.push(...wire.warnings);
    try {
      return await sendOnce(context, dialect, wire, mode);
    } catch (error) {
      // Cached credentials (an OAuth token) may have expired: refresh them once and try again.
      const authorizer = route.provider.authorizer;
      if (isLiterLlmError(error) && error.status === 401 && authorizer?.invalidate?.() === true) {
        return sendOnce(context, dialect, wire, mode);
      }
      throw error;
    }
  };

  return async (context) => {
    const { route, info } = context;
    info.provider = route.provider.id;
    info.model = route.model;
    if (route.provider.unavailable !== undefined) throw route.provider.unavailable();
    const dialect = resolveDialect(route.provider);
    switch (context.operation) {
      case 'chat': {
        const wire = dialect.convertChatRequest(context.request as ChatCompletionRequest, route, false);
        const sent = await send(context, dialect, wire, 'json');
        const response = dialect.convertChatResponse(sent.body, route);
        info.usage = response.usage ?? undefined;
        return response;
      }
      case 'chatStream': {
        const startedAt = Date.now();
        const wire = dialect.convertChatRequest(context.request as ChatCompletionRequest, route, true);
        const sent = await send(context, dialect, wire, 'stream');
        return readChatStream({
          sent,
          convert: dialect.createChatStreamConverter(route),
          decode: dialect.decodeStream?.bind(dialect),
          info,
          idleTimeoutMs: context.options.timeoutMs,
          startedAt,
        });
      }
      case 'embed': {
        if (dialect.convertEmbeddingRequest === undefined || dialect.convertEmbeddingResponse === undefined) {
          throw unsupported(route.provider.id, 'embeddings');
        }
        const wire = dialect.convertEmbeddingRequest(context.request as EmbeddingRequest, route);
        const sent = await send(context, dialect, wire, 'json');
        const response = dialect.convertEmbeddingResponse(sent.body, route);
        if (response.usage) {
          const prompt = response.usage.prompt_tokens ?? 0;
          info.usage = { prompt_tokens: prompt, completion_tokens: 0, total_tokens: response.usage.total_tokens ?? prompt };
        }
        return response;
      }
      case 'listModels': {
        if (dialect.convertListModelsRequest === undefined || dialect.convertListModelsResponse === undefined) {
          throw unsupported(route.provider.id, 'models');
        }
        const wire = dialect.convertListModelsRequest(route);
        const sent = await send(context, dialect, wire, 'json');
        return dialect.convertListModelsResponse(sent.body, route);
      }
      default: {
        const unreachable: never = context.operation;
        throw new EndpointNotSupportedError(`unknown operation ${String(unreachable)}`);
      }
    }
  };
}

function unsupported(providerId: string, endpoint: EndpointName): EndpointNotSupportedError {
  return new EndpointNotSupportedError(`${providerId} does not serve the ${endpoint} endpoint`, { provider: providerId });
}
