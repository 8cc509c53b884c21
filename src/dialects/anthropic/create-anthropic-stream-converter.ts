import type { ChatCompletionChunk, ChunkDelta } from '../../../generated/types/index.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { SseEvent } from '../../transport/parse-sse-events.js';
import type { StreamEventResult } from '../dialect.js';
import type { AnthropicUsage } from './anthropic-wire-types.js';
import { convertAnthropicErrorEvent } from './convert-anthropic-error-event.js';
import { JSON_RESPONSE_TOOL_NAME } from './json-response-tool.js';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js';
import { mapAnthropicUsage } from './map-anthropic-usage.js';
import { parseStreamEventData } from '../../streaming/parse-stream-event-data.js';
import { isRecord } from '../shared/is-record.js';

interface BlockState {
  readonly kind: 'text' | 'thinking' | 'tool' | 'json' | 'other';
  /** The OpenAI tool-call index of a `tool_use` block: tools counted in order, other blocks skipped. */
  readonly toolIndex: number;
  sentArguments: boolean;
}

const IGNORE: StreamEventResult = { type: 'ignore' };

/**
 * Anthropic's streaming events (https://docs.anthropic.com/en/docs/build-with-claude/streaming) as
 * OpenAI chunks. `message_start` opens the message (role, id, input usage); content blocks stream
 * text, thinking (`reasoning_content`) and tool input JSON (tool-call argument fragments, each
 * `tool_use` block keeping one index); `message_delta` brings the stop reason and output usage;
 * `message_stop` ends the stream with a chunk carrying the finish reason and the usage. `ping` and
 * `signature_delta` carry nothing for the OpenAI shape; an `error` event throws its typed error.
 */
export function createAnthropicStreamConverter(route: ResolvedRoute): (event: SseEvent) => StreamEventResult {
  let id = '';
  let model = route.model;
  const created = Math.floor(Date.now() / 1000);
  let usage: AnthropicUsage = {};
  let stopReason: string | null = null;
  let sentRole = false;
  let toolCount = 0;
  let answeredJson = false;
  const blocks = new Map<number, BlockState>();

  const chunk = (delta: ChunkDelta): ChatCompletionChunk => {
    const withRole = sentRole ? delta : { role: 'assistant', ...delta };
    sentRole = true;
    return { id, object: 'chat.completion.chunk', created, model, choices: [{ index: 0, delta: withRole, finish_reason: null }] };
  };
  const chunks = (...deltas: ChunkDelta[]): StreamEventResult => ({ type: 'chunks', chunks: deltas.map(chunk) });

  const finish = (): StreamEventResult => {
    const mapped = stopReason === 'tool_use' && toolCount === 0 && answeredJson ? 'stop' : mapAnthropicStopReason(stopReason);
    const last: ChatCompletionChunk = {
      id,
      object: 'chat.completion.chunk',
      created,
      model,
      choices: [{ index: 0, delta: {}, finish_reason: mapped ?? 'stop', native_finish_reason: stopReason }],
      usage: mapAnthropicUsage(usage),
    };
    return { type: 'done', chunks: [last] };
  };

  const startBlock = (index: number, block: Record<string, unknown>): StreamEventResult => {
    switch (block.type) {
      case 'text':
        blocks.set(index, { kind: 'text', toolIndex: -1, sentArguments: false });
        return typeof block.text === 'string' && block.text !== '' ? chunks({ content: block.text }) : IGNORE;
      case 'thinking':
        blocks.set(index, { kind: 'thinking', toolIndex: -1, sentArguments: false });
        return typeof block.thinking === 'string' && block.thinking !== '' ? chunks({ reasoning_content: block.thinking }) : IGNORE;
      case 'tool_use': {
        // Anthropic sends `input: {}` here and the JSON in deltas; an endpoint that sends it whole is read too.
        const input = isRecord(block.input) && Object.keys(block.input).length > 0 ? JSON.stringify(block.input) : '';
        if (block.name === JSON_RESPONSE_TOOL_NAME) {
          answeredJson = true;
          blocks.set(index, { kind: 'json', toolIndex: -1, sentArguments: input !== '' });
          return input === '' ? IGNORE : chunks({ content: input });
        }
        const state: BlockState = { kind: 'tool', toolIndex: toolCount, sentArguments: input !== '' };
        toolCount += 1;
        blocks.set(index, state);
        return chunks({
          tool_calls: [{ index: state.toolIndex, id: String(block.id ?? ''), type: 'function', function: { name: String(block.name ?? ''), arguments: input } }],
        });
      }
      default:
        // redacted_thinking and server tool blocks have nothing to stream in the OpenAI shape.
        blocks.set(index, { kind: 'other', toolIndex: -1, sentArguments: false });
        return IGNORE;
    }
  };

  const deltaBlock = (index: number, delta: Record<string, unknown>): StreamEventResult => {
    const state = blocks.get(index);
    switch (delta.type) {
      case 'text_delta':
        return typeof delta.text === 'string' && delta.text !== '' ? chunks({ content: delta.text }) : IGNORE;
      case 'thinking_delta':
        return typeof delta.thinking === 'string' && delta.thinking !== '' ? chunks({ reasoning_content: delta.thinking }) : IGNORE;
      case 'input_json_delta': {
        const fragment = delta.partial_json;
        if (typeof fragment !== 'string' || fragment === '' || state === undefined) return IGNORE;
        state.sentArguments = true;
        if (state.kind === 'json') return chunks({ content: fragment });
        if (state.kind !== 'tool') return IGNORE;
        return chunks({ tool_calls: [{ index: state.toolIndex, function: { arguments: fragment } }] });
      }
      default:
        // signature_delta (thinking signatures) and citations_delta have no OpenAI counterpart in a chunk.
        return IGNORE;
    }
  };

  return (event) => {
    const data = event.data.trim();
    if (data === '') return IGNORE;
    if (data === '[DONE]') return stopReason === null ? { type: 'done' } : finish();
    const payload = parseStreamEventData(data, { provider: route.provider.id, model: route.model });
    if (!isRecord(payload)) return IGNORE;
    const type = typeof payload.type === 'string' ? payload.type : event.event;
    switch (type) {
      case 'message_start': {
        const message = isRecord(payload.message) ? payload.message : {};
        if (typeof message.id === 'string') id = message.id;
        if (typeof message.model === 'string' && message.model !== '') model = message.model;
        if (isRecord(message.usage)) usage = { ...(message.usage as AnthropicUsage) };
        return chunks({ content: '' });
      }
      case 'content_block_start':
        return startBlock(Number(payload.index ?? 0), isRecord(payload.content_block) ? payload.content_block : {});
      case 'content_block_delta':
        return deltaBlock(Number(payload.index ?? 0), isRecord(payload.delta) ? payload.delta : {});
      case 'content_block_stop': {
        // A tool without parameters may stream no input at all; OpenAI callers expect "{}".
        const state = blocks.get(Number(payload.index ?? 0));
        if (state?.kind !== 'tool' || state.sentArguments) return IGNORE;
        state.sentArguments = true;
        return chunks({ tool_calls: [{ index: state.toolIndex, function: { arguments: '{}' } }] });
      }
      case 'message_delta': {
        const delta = isRecord(payload.delta) ? payload.delta : {};
        if (typeof delta.stop_reason === 'string') stopReason = delta.stop_reason;
        // Usage here is cumulative; newer API versions repeat the input counts, which then win.
        if (isRecord(payload.usage)) {
          for (const [name, value] of Object.entries(payload.usage)) {
            if (typeof value === 'number') (usage as Record<string, number>)[name] = value;
          }
        }
        return IGNORE;
      }
      case 'message_stop':
        return finish();
      case 'error':
        throw convertAnthropicErrorEvent(payload, route);
      default:
        // `ping`, and event types Anthropic may add later (its versioning policy allows new ones).
        return IGNORE;
    }
  };
}
