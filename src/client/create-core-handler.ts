import type { ChatCompletionRequest, EmbeddingRequest } from '../../generated/types/index.js';
import type { Dialect, WireRequest } from '../dialects/dialect.js';
import { loadDialect } from '../dialects/load-dialect.js';
import { EndpointNotSupportedError, StreamError } from '../errors/error-classes.js';
import type { DialectOperation } from '../endpoints/endpoint-operations.js';
import type { SendResult } from '../transport/send-with-retry.js';
import { memoizeImport } from '../loading/memoize-import.js';
import type { CallContext, Next } from '../call/call-context.js';
import type { EndpointName } from '../provider-definition.js';
import { convertResponseToChunkStream } from '../streaming/convert-response-to-chunk-stream.js';
import { readChatStream } from '../streaming/read-chat-stream.js';
import { createSender, type Sender, type SenderInput } from '../transport/create-sender.js';

export type CoreHandlerInput = SenderInput;

const DIALECT_OPERATIONS: ReadonlySet<string> = new Set<DialectOperation>(['chat', 'chatStream', 'embed', 'listModels']);

/** The endpoint descriptors (images, audio, files, ...), loaded on the first call that needs one. */
const loadEndpointRunner = memoizeImport(async () => (await import('../endpoints/run-named-endpoint-operation.js')).runNamedEndpointOperation);

/**
 * The innermost handler. Chat, embeddings and model lists go through the provider's dialect
 * (conversion, one HTTP exchange with retries, conversion back); every other operation runs from
 * its endpoint descriptor (`src/endpoints/`).
 */
export function createCoreHandler(input: CoreHandlerInput): Next {
  const send = createSender(input);
  return async (context) => {
    const { route, info } = context;
    info.provider = route.provider.id;
    info.model = route.model;
    const operation = context.operation;
    if (!DIALECT_OPERATIONS.has(operation)) return (await loadEndpointRunner())(context, send);
    if (route.provider.unavailable !== undefined) throw route.provider.unavailable();
    const dialect = loadDialect(route.provider);
    return runDialectOperation(operation as DialectOperation, context, dialect instanceof Promise ? await dialect : dialect, send);
  };
}

async function runDialectOperation(operation: DialectOperation, context: CallContext, dialect: Dialect, send: Sender): Promise<unknown> {
  const { route, info } = context;
  const sendWire = (wire: WireRequest, mode: 'json' | 'stream'): Promise<SendResult> =>
    send(
      context,
      {
        endpoint: wire.endpoint,
        method: wire.method,
        path: wire.path,
        headers: wire.headers ?? {},
        body: wire.body === undefined ? undefined : JSON.stringify(wire.body),
        contentType: wire.body === undefined ? undefined : 'application/json',
        accept: mode === 'stream' ? 'text/event-stream' : 'application/json',
        warnings: wire.warnings,
        mapError:
          dialect.convertErrorResponse === undefined
            ? undefined
            : (status, body, headers) => dialect.convertErrorResponse?.(status, body, route, headers),
      },
      mode,
    );

  switch (operation) {
    case 'chat': {
      const wire = dialect.convertChatRequest(context.request as ChatCompletionRequest, route, false);
      const sent = await sendWire(wire, 'json');
      const response = dialect.convertChatResponse(sent.body, route);
      info.usage = response.usage ?? undefined;
      return response;
    }
    case 'chatStream': {
      const startedAt = Date.now();
      const wire = dialect.convertChatRequest(context.request as ChatCompletionRequest, route, true);
      const sent = await sendWire(wire, 'stream');
      if (isJsonResponse(sent.response)) {
        // The server ignored `stream: true` and answered with a whole completion.
        const response = dialect.convertChatResponse(await readJsonBody(sent, route.provider.id), route);
        info.usage = response.usage ?? undefined;
        return convertResponseToChunkStream(response);
      }
      return readChatStream({
        sent,
        convert: dialect.createChatStreamConverter(route),
        decode: dialect.decodeStream?.bind(dialect),
        info,
        signal: context.options.signal,
        idleTimeoutMs: context.options.timeoutMs,
        startedAt,
      });
    }
    case 'embed': {
      if (dialect.convertEmbeddingRequest === undefined || dialect.convertEmbeddingResponse === undefined) {
        throw unsupported(route.provider.id, 'embeddings');
      }
      const wire = dialect.convertEmbeddingRequest(context.request as EmbeddingRequest, route);
      const sent = await sendWire(wire, 'json');
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
      const sent = await sendWire(wire, 'json');
      return dialect.convertListModelsResponse(sent.body, route);
    }
    default: {
      const unreachable: never = operation;
      throw new EndpointNotSupportedError(`unknown operation ${String(unreachable)}`);
    }
  }
}

function unsupported(providerId: string, endpoint: EndpointName): EndpointNotSupportedError {
  return new EndpointNotSupportedError(`${providerId} does not serve the ${endpoint} endpoint`, { provider: providerId });
}

function isJsonResponse(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').toLowerCase().includes('application/json');
}

async function readJsonBody(sent: SendResult, provider: string): Promise<unknown> {
  const text = await sent.response.text();
  try {
    return JSON.parse(text);
  } catch {
    throw new StreamError(`${provider}: the stream answered with JSON that does not parse`, { provider, body: text.slice(0, 2000) });
  } finally {
    sent.abort();
  }
}
