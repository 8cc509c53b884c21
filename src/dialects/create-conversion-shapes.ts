import type { ChatCompletionRequest } from '../../generated/types/index.js';
import { InvalidResponseError, StreamError } from '../errors/error-classes.js';
import { streamIdleCheckpoint } from '../call/call-checkpoints.js';
import { convertResponseToChunkStream } from '../streaming/convert-response-to-chunk-stream.js';
import { readChatStream } from '../streaming/read-chat-stream.js';
import type { SendResult } from '../transport/send-with-retry.js';
import { readBoundedText, type BoundedText } from '../transport/read-bounded-text.js';
import { createEmbedShape } from './shared/create-embed-shape.js';
import { fillModelCreated } from './shared/fill-model-created.js';
import type { Dialect } from './dialect.js';
import type { WireShape } from './wire-shape.js';

/** The wire shapes a dialect's own conversions give: chat, streamed chat, embeddings, model lists. */
export interface ConversionShapes {
  readonly chat: WireShape;
  readonly chatStream: WireShape;
  /** Absent when the dialect has no embedding conversion. */
  readonly embed: WireShape | undefined;
  /** Absent when the dialect has no model-list conversion. */
  readonly listModels: WireShape | undefined;
}

const cache = new WeakMap<Dialect, ConversionShapes>();

/** The conversion shapes of `dialect`, built once per dialect. */
export function getConversionShapes(dialect: Dialect): ConversionShapes {
  let shapes = cache.get(dialect);
  if (shapes === undefined) {
    shapes = createConversionShapes(dialect);
    cache.set(dialect, shapes);
  }
  return shapes;
}

function createConversionShapes(dialect: Dialect): ConversionShapes {
  const { convertEmbeddingRequest, convertEmbeddingResponse, convertListModelsRequest, convertListModelsResponse } =
    dialect;
  return {
    chat: {
      buildRequest: (request, route) => dialect.convertChatRequest(request as ChatCompletionRequest, route, false),
      readResponse(sent, context) {
        const response = dialect.convertChatResponse(sent.body, context.route);
        context.info.usage = response.usage ?? undefined;
        return response;
      },
    },
    chatStream: {
      buildRequest: (request, route) => ({
        ...dialect.convertChatRequest(request as ChatCompletionRequest, route, true),
        response: 'sse',
      }),
      async readResponse(sent, context, startedAt) {
        const { route, info } = context;
        if (isJsonResponse(sent.response)) {
          // The server ignored `stream: true` and answered with a whole completion.
          const response = dialect.convertChatResponse(await readJsonBody(sent, route.provider.id, context.options.maxResponseBytes), route);
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
          streamTimeoutMs: context.options.streamTimeoutMs,
          startedAt,
          onIdle: streamIdleCheckpoint(context),
        });
      },
    },
    embed:
      convertEmbeddingRequest === undefined || convertEmbeddingResponse === undefined
        ? undefined
        : createEmbedShape(
            (request, route) => convertEmbeddingRequest.call(dialect, request, route),
            (body, route) => convertEmbeddingResponse.call(dialect, body, route),
          ),
    listModels:
      convertListModelsRequest === undefined || convertListModelsResponse === undefined
        ? undefined
        : {
            buildRequest: (_request, route) => convertListModelsRequest.call(dialect, route),
            readResponse: (sent, context) => fillModelCreated(convertListModelsResponse.call(dialect, sent.body, context.route)),
          },
  };
}

function isJsonResponse(response: Response): boolean {
  return (response.headers.get('content-type') ?? '').toLowerCase().includes('application/json');
}

async function readJsonBody(sent: SendResult, provider: string, maxBytes: number): Promise<unknown> {
  let read: BoundedText;
  try {
    read = await readBoundedText(sent.response, maxBytes);
  } finally {
    sent.abort();
  }
  if (read.exceeded) {
    throw new InvalidResponseError(`${provider}: the stream answered with JSON over maxResponseBytes (${maxBytes} bytes); reading stopped there`, {
      provider,
    });
  }
  try {
    return JSON.parse(read.text);
  } catch {
    throw new StreamError(`${provider}: the stream answered with JSON that does not parse`, {
      provider,
      body: read.text.slice(0, 2000),
    });
  }
}
