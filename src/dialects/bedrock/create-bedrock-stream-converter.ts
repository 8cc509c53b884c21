import type { ChatCompletionChunk, ChunkDelta } from '../../../generated/types/index.js';
import { StreamError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { SseEvent } from '../../transport/parse-sse-events.js';
import type { StreamEventResult } from '../dialect.js';
import type { BedrockUsage } from './bedrock-wire-types.js';
import { createBedrockError } from './create-bedrock-error.js';
import { createCompletionId } from './create-completion-id.js';
import { ERROR_EVENT_PREFIX, EXCEPTION_EVENT_PREFIX } from '../../transport/decode-aws-event-stream.js';
import { mapBedrockStopReason } from './map-bedrock-stop-reason.js';
import { mapBedrockUsage } from './map-bedrock-usage.js';
import { RESPONSE_FORMAT_TOOL_NAME } from './response-format-tool.js';
import { parseStreamEventData } from '../../streaming/parse-stream-event-data.js';

/** The HTTP status ConverseStream documents for each exception it can send mid-stream. */
const EXCEPTION_STATUS: Readonly<Record<string, number>> = {
  internalServerException: 500,
  modelStreamErrorException: 424,
  serviceUnavailableException: 503,
  throttlingException: 429,
  validationException: 400,
};

type Block = { readonly kind: 'tool'; readonly index: number } | { readonly kind: 'json' };

interface StreamPayload {
  readonly contentBlockIndex?: number;
  readonly start?: { readonly toolUse?: { readonly toolUseId?: string; readonly name?: string } };
  readonly delta?: {
    readonly text?: string;
    readonly toolUse?: { readonly input?: string };
    readonly reasoningContent?: { readonly text?: string };
  };
  readonly stopReason?: string;
  readonly usage?: BedrockUsage;
  readonly message?: string;
}

/**
 * A converter for one ConverseStream response (events from `decodeAwsEventStream`) to OpenAI
 * chunks: text deltas become `content`, reasoning deltas `reasoning_content`, a `toolUse` block
 * start a tool-call delta carrying id and name at the next tool-call index, its input deltas
 * argument fragments at that index. `messageStop` gives the finish chunk, `metadata` the usage
 * chunk. Neither ends the stream: Bedrock may send them in either order, so the stream ends where
 * the body ends, and `readChatStream` raises a StreamError when no finish reason came by then.
 * Exception frames throw their typed error.
 */
export function createBedrockStreamConverter(route: ResolvedRoute): (event: SseEvent) => StreamEventResult {
  const id = createCompletionId();
  const created = Math.floor(Date.now() / 1000);
  const blocks = new Map<number, Block>();
  let nextToolIndex = 0;
  let roleSent = false;
  let answeredInJson = false;

  const chunk = (delta: ChunkDelta, finish?: { reason: string; native: string | null }): ChatCompletionChunk => {
    const withRole = roleSent ? delta : { role: 'assistant', ...delta };
    roleSent = true;
    return {
      id,
      object: 'chat.completion.chunk',
      created,
      model: route.model,
      choices: [
        {
          index: 0,
          delta: withRole,
          finish_reason: finish?.reason ?? null,
          ...(finish === undefined ? {} : { native_finish_reason: finish.native }),
        },
      ],
    };
  };
  const chunks = (...list: ChatCompletionChunk[]): StreamEventResult => ({ type: 'chunks', chunks: list });
  const context = { provider: route.provider.id, model: route.model };

  return (event) => {
    const name = event.event ?? '';
    if (name.startsWith(EXCEPTION_EVENT_PREFIX)) {
      const type = name.slice(EXCEPTION_EVENT_PREFIX.length);
      const payload = parsePayload(event.data, route, true);
      throw createBedrockError(
        { type, status: EXCEPTION_STATUS[type] ?? 500, message: payload?.message ?? event.data, body: payload ?? event.data, origin: 'stream' },
        route,
      );
    }
    if (name.startsWith(ERROR_EVENT_PREFIX)) {
      const type = name.slice(ERROR_EVENT_PREFIX.length);
      throw createBedrockError({ type, status: 500, message: event.data, body: event.data, origin: 'stream' }, route);
    }
    const payload = parsePayload(event.data, route, false) ?? {};
    switch (name) {
      case 'messageStart':
        return chunks(chunk({}));
      case 'contentBlockStart': {
        const toolUse = payload.start?.toolUse;
        if (toolUse === undefined) return { type: 'ignore' };
        const blockIndex = payload.contentBlockIndex ?? 0;
        if (toolUse.name === RESPONSE_FORMAT_TOOL_NAME) {
          blocks.set(blockIndex, { kind: 'json' });
          answeredInJson = true;
          return { type: 'ignore' };
        }
        const index = nextToolIndex;
        nextToolIndex += 1;
        blocks.set(blockIndex, { kind: 'tool', index });
        return chunks(
          chunk({ tool_calls: [{ index, id: toolUse.toolUseId ?? '', type: 'function', function: { name: toolUse.name ?? '', arguments: '' } }] }),
        );
      }
      case 'contentBlockDelta': {
        const delta = payload.delta ?? {};
        if (typeof delta.text === 'string') return delta.text === '' ? { type: 'ignore' } : chunks(chunk({ content: delta.text }));
        if (typeof delta.reasoningContent?.text === 'string') return chunks(chunk({ reasoning_content: delta.reasoningContent.text }));
        const input = delta.toolUse?.input;
        if (typeof input !== 'string') return { type: 'ignore' };
        const block = blocks.get(payload.contentBlockIndex ?? 0);
        if (block === undefined) {
          throw new StreamError(`${route.provider.id}: tool input for content block ${payload.contentBlockIndex ?? 0} arrived before its contentBlockStart`, context);
        }
        if (input === '') return { type: 'ignore' };
        if (block.kind === 'json') return chunks(chunk({ content: input }));
        return chunks(chunk({ tool_calls: [{ index: block.index, function: { arguments: input } }] }));
      }
      case 'messageStop': {
        const native = typeof payload.stopReason === 'string' ? payload.stopReason : null;
        const reason = answeredInJson && nextToolIndex === 0 && native === 'tool_use' ? 'stop' : mapBedrockStopReason(native ?? undefined);
        return chunks(chunk({}, { reason, native }));
      }
      case 'metadata': {
        if (payload.usage === undefined) return { type: 'ignore' };
        return chunks({ id, object: 'chat.completion.chunk', created, model: route.model, choices: [], usage: mapBedrockUsage(payload.usage) });
      }
      default:
        // contentBlockStop, and event types added after this was written.
        return { type: 'ignore' };
    }
  };
}

function parsePayload(data: string, route: ResolvedRoute, lenient: boolean): StreamPayload | undefined {
  if (data.trim() === '') return undefined;
  let value: unknown;
  try {
    value = parseStreamEventData(data, { provider: route.provider.id, model: route.model });
  } catch (error) {
    if (lenient) return undefined;
    throw error;
  }
  return value !== null && typeof value === 'object' ? (value as StreamPayload) : undefined;
}
