import type { ChatCompletionRequest, EmbeddingRequest, EmbeddingResponse } from '../../generated/types/index.js';
import type { Dialect, WireRequest } from '../dialects/dialect.js';
import { resolveDialect } from '../dialects/resolve-dialect.js';
import { EndpointNotSupportedError } from '../errors/error-classes.js';
import { sendWithRetry, type SendResult } from '../http/send-with-retry.js';
import type { CallContext, Next } from '../middleware/compose.js';
import { readChatStream } from '../streaming/read-chat-stream.js';

export interface CoreHandlerInput {
  readonly fetch: typeof fetch | undefined;
  /** Every configured key, scrubbed from errors. */
  readonly secrets: readonly string[];
}

/** The innermost handler: dialect conversion, one HTTP exchange (with retries), conversion back. */
export function createCoreHandler(input: CoreHandlerInput): Next {
  const send = (context: CallContext, wire: WireRequest, mode: 'json' | 'stream'): Promise<SendResult> => {
    const { route, options, info } = context;
    if (!route.provider.gateway && route.provider.definition.endpoints[wire.endpoint] === undefined) {
      throw new EndpointNotSupportedError(`${route.provider.id} does not serve the ${wire.endpoint} endpoint`, {
        provider: route.provider.id,
        model: route.model,
      });
    }
    info.warnings.push(...wire.warnings);
    const headers = route.provider.buildHeaders(options.headers);
    headers.accept ??= mode === 'stream' ? 'text/event-stream' : 'application/json';
    if (wire.body !== undefined) headers['content-type'] ??= 'application/json';
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
    });
  };

  const prepare = (context: CallContext): Dialect => {
    const { route, info } = context;
    info.provider = route.provider.id;
    info.model = route.model;
    if (route.provider.unavailable !== undefined) throw route.provider.unavailable();
    return resolveDialect(route.provider);
  };

  return async (context) => {
    const dialect = prepare(context);
    const { route, info } = context;
    switch (context.operation) {
      case 'chat': {
        const wire = dialect.convertChatRequest(context.request as ChatCompletionRequest, route, false);
        const sent = await send(context, wire, 'json');
        const response = dialect.convertChatResponse(sent.body, route);
        info.usage = response.usage ?? undefined;
        return response;
      }
      case 'chatStream': {
        const startedAt = Date.now();
        const wire = dialect.convertChatRequest(context.request as ChatCompletionRequest, route, true);
        const sent = await send(context, wire, 'stream');
        return readChatStream({
          sent,
          convert: dialect.createChatStreamConverter(route),
          info,
          idleTimeoutMs: context.options.timeoutMs,
          startedAt,
        });
      }
      case 'embed': {
        const wire = dialect.convertEmbeddingRequest(context.request as EmbeddingRequest, route);
        const sent = await send(context, wire, 'json');
        const response: EmbeddingResponse = dialect.convertEmbeddingResponse(sent.body, route);
        if (response.usage) {
          info.usage = {
            prompt_tokens: response.usage.prompt_tokens ?? 0,
            completion_tokens: 0,
            total_tokens: response.usage.total_tokens ?? response.usage.prompt_tokens ?? 0,
          };
        }
        return response;
      }
      case 'listModels': {
        const wire = dialect.convertListModelsRequest(route);
        const sent = await send(context, wire, 'json');
        return dialect.convertListModelsResponse(sent.body, route);
      }
      default: {
        const unreachable: never = context.operation;
        throw new EndpointNotSupportedError(`unknown operation ${String(unreachable)}`);
      }
    }
  };
}
