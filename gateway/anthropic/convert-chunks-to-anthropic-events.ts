import { StreamError, type ChatCompletionChunk, type ChunkChoice, type Usage } from '../../src/index.js';
import type { AnthropicMessageObject } from './anthropic-message-object.js';
import { convertUsageToAnthropic } from './convert-usage-to-anthropic.js';
import { createAnthropicMessageId } from './create-anthropic-message-id.js';
import { mapFinishReasonToAnthropic } from './map-finish-reason-to-anthropic.js';
import { readReasoningText } from './read-reasoning-text.js';

/** One server-sent event of Anthropic's stream: `event: <event>` and `data: <JSON of data>`. */
export interface AnthropicStreamEvent {
  event: string;
  data: Record<string, unknown>;
}

interface OpenBlock {
  readonly kind: 'thinking' | 'text' | 'tool_use';
  readonly index: number;
  /** The OpenAI tool-call index of a tool_use block. */
  readonly toolIndex?: number;
}

/**
 * The SDK's chat chunks as Anthropic's stream (https://docs.anthropic.com/en/docs/build-with-claude/streaming):
 * `message_start` when the first chunk arrives, then content blocks opened and closed in order
 * (`content_block_start`, deltas, `content_block_stop`): reasoning as a thinking block
 * (`thinking_delta`), text (and a refusal) as a text block (`text_delta`), each tool call index as
 * its own tool_use block (`input_json_delta` with the argument fragments as they come); a new kind
 * of block closes the one before. When the chunks end: `message_delta` with the stop reason and the
 * usage of the last chunk that carried one, then `message_stop`.
 *
 * An error of the source is not caught: it reaches the caller from the iteration, before any event
 * when the first chunk never came (so the server can still answer with an error status) and after
 * the events sent so far otherwise (the server then sends an `error` event); the stream never ends
 * as if complete. Stopping the iteration early returns the source, which cancels the upstream call.
 */
export async function* convertChunksToAnthropicEvents(
  chunks: AsyncIterable<ChatCompletionChunk>,
  model: string,
): AsyncGenerator<AnthropicStreamEvent, void, undefined> {
  let id: string | undefined;
  let open: OpenBlock | undefined;
  let nextIndex = 0;
  const toolBlocks = new Map<number, number>();
  let usage: Usage | undefined;
  let finishReason: string | null = null;
  let nativeFinishReason: string | null = null;
  let toolUse = false;
  let refusal = false;

  const start = (first: ChatCompletionChunk | undefined): AnthropicStreamEvent => {
    id = createAnthropicMessageId(first?.id);
    const message: AnthropicMessageObject = {
      id,
      type: 'message',
      role: 'assistant',
      model,
      content: [],
      stop_reason: null,
      stop_sequence: null,
      usage: { ...convertUsageToAnthropic(first?.usage), output_tokens: 0 },
    };
    return { event: 'message_start', data: { type: 'message_start', message } };
  };
  function* close(): Generator<AnthropicStreamEvent> {
    if (open === undefined) return;
    yield { event: 'content_block_stop', data: { type: 'content_block_stop', index: open.index } };
    open = undefined;
  }
  function* begin(kind: OpenBlock['kind'], contentBlock: Record<string, unknown>, toolIndex?: number): Generator<AnthropicStreamEvent> {
    yield* close();
    open = toolIndex === undefined ? { kind, index: nextIndex } : { kind, index: nextIndex, toolIndex };
    nextIndex += 1;
    yield { event: 'content_block_start', data: { type: 'content_block_start', index: open.index, content_block: contentBlock } };
  }
  function* delta(kind: 'thinking' | 'text', text: string): Generator<AnthropicStreamEvent> {
    if (open?.kind !== kind) yield* begin(kind, kind === 'thinking' ? { type: 'thinking', thinking: '', signature: '' } : { type: 'text', text: '' });
    const index = (open as OpenBlock).index;
    const value = kind === 'thinking' ? { type: 'thinking_delta', thinking: text } : { type: 'text_delta', text };
    yield { event: 'content_block_delta', data: { type: 'content_block_delta', index, delta: value } };
  }
  function* convertChoice(choice: ChunkChoice): Generator<AnthropicStreamEvent> {
    const change = choice.delta ?? {};
    const reasoning = readReasoningText(change);
    if (reasoning !== undefined && reasoning !== '') yield* delta('thinking', reasoning);
    if (typeof change.content === 'string' && change.content !== '') yield* delta('text', change.content);
    if (typeof change.refusal === 'string' && change.refusal !== '') {
      refusal = true;
      yield* delta('text', change.refusal);
    }
    for (const call of change.tool_calls ?? []) {
      const toolIndex = call.index ?? 0;
      if (!toolBlocks.has(toolIndex)) {
        toolUse = true;
        yield* begin(
          'tool_use',
          { type: 'tool_use', id: call.id || `toolu_${String(id)}_${toolIndex}`, name: call.function?.name ?? '', input: {} },
          toolIndex,
        );
        toolBlocks.set(toolIndex, (open as OpenBlock).index);
      } else if (open?.kind !== 'tool_use' || open.toolIndex !== toolIndex) {
        // Anthropic's blocks stream one after another; a closed block cannot take more input.
        throw new StreamError(`the upstream stream sent more arguments for tool call ${toolIndex} after a later block began`, { model });
      }
      const fragment = call.function?.arguments;
      if (typeof fragment === 'string' && fragment !== '') {
        yield {
          event: 'content_block_delta',
          data: { type: 'content_block_delta', index: (open as OpenBlock).index, delta: { type: 'input_json_delta', partial_json: fragment } },
        };
      }
    }
    if (choice.finish_reason !== null && choice.finish_reason !== undefined) {
      finishReason = choice.finish_reason;
      nativeFinishReason = choice.native_finish_reason ?? null;
      yield* close();
    }
  }

  for await (const chunk of chunks) {
    if (id === undefined) yield start(chunk);
    if (chunk.usage !== null && chunk.usage !== undefined) usage = chunk.usage;
    // The gateway asks for one choice; any other is not part of the answer.
    for (const choice of chunk.choices ?? []) if ((choice.index ?? 0) === 0) yield* convertChoice(choice);
  }
  if (id === undefined) yield start(undefined);
  yield* close();
  const stopReason = mapFinishReasonToAnthropic({ finishReason, nativeFinishReason, toolUse, refusal });
  // Newer Anthropic streams repeat the input counts here, where an OpenAI upstream first knows them.
  yield {
    event: 'message_delta',
    data: { type: 'message_delta', delta: { stop_reason: stopReason, stop_sequence: null }, usage: convertUsageToAnthropic(usage) },
  };
  yield { event: 'message_stop', data: { type: 'message_stop' } };
}
