import { describe, expect, it } from 'vitest';
import type { ChatCompletionChunk } from '../../../generated/types/index.js';
import { validateChatCompletionChunk } from '../../../generated/validators/chat-completion-chunk.js';
import { createAnthropicStreamConverter } from '../../../src/dialects/anthropic/create-anthropic-stream-converter.js';
import type { StreamEventResult } from '../../../src/dialects/dialect.js';
import { overloadedErrorEvent, textStreamEvents, thinkingStreamEvents, toolStreamEvents } from './anthropic-fixtures.js';
import { createAnthropicTestRoute } from './anthropic-test-route.js';

const route = createAnthropicTestRoute();

/** Runs events through one converter; returns the chunks and whether the stream said it was done. */
function run(events: ReadonlyArray<Record<string, unknown>>) {
  const convert = createAnthropicStreamConverter(route);
  const chunks: ChatCompletionChunk[] = [];
  const results: StreamEventResult[] = [];
  for (const event of events) {
    const result = convert({ event: String(event.type), data: JSON.stringify(event), id: undefined });
    results.push(result);
    if (result.type !== 'ignore') chunks.push(...(result.chunks ?? []));
  }
  return { chunks, results, done: results.at(-1)?.type === 'done' };
}

const deltas = (chunks: ChatCompletionChunk[]) => chunks.map((chunk) => chunk.choices[0]?.delta);

describe('createAnthropicStreamConverter', () => {
  it('turns the documented text stream into OpenAI chunks, ending with finish reason and usage', () => {
    const { chunks, done, results } = run(textStreamEvents);
    expect(done).toBe(true);
    for (const chunk of chunks) expect(validateChatCompletionChunk(chunk)).toBeUndefined();
    expect(deltas(chunks)).toEqual([{ role: 'assistant', content: '' }, { content: 'Hello' }, { content: '!' }, {}]);
    expect(chunks.every((chunk) => chunk.id === 'msg_1nZdL29xx5MUA1yADyHTEsnR8uuvGzszyY' && chunk.model === 'claude-sonnet-4-5-20250929')).toBe(true);
    expect(chunks.at(-1)).toMatchObject({
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta: {}, finish_reason: 'stop', native_finish_reason: 'end_turn' }],
      usage: { prompt_tokens: 25, completion_tokens: 15, total_tokens: 40 },
    });
    // ping, content_block_start of an empty text block, content_block_stop and message_delta say nothing.
    expect(results.filter((result) => result.type === 'ignore')).toHaveLength(4);
  });

  it('streams tool input JSON as argument fragments of one tool call with a stable index', () => {
    const { chunks } = run(toolStreamEvents);
    const toolDeltas = chunks.flatMap((chunk) => chunk.choices[0]?.delta?.tool_calls ?? []);
    expect(toolDeltas[0]).toEqual({ index: 0, id: 'toolu_01T1x1fJ34qAmk2tNTrN7Up6', type: 'function', function: { name: 'get_weather', arguments: '' } });
    expect(toolDeltas.every((delta) => delta.index === 0)).toBe(true);
    const argumentsText = toolDeltas.map((delta) => delta.function?.arguments ?? '').join('');
    expect(JSON.parse(argumentsText)).toEqual({ location: 'San Francisco, CA', unit: 'fahrenheit' });
    expect(chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')).toBe("Okay, let's check the weather for San Francisco, CA:");
    expect(chunks.at(-1)?.choices[0]).toMatchObject({ finish_reason: 'tool_calls', native_finish_reason: 'tool_use' });
    expect(chunks.at(-1)?.usage).toEqual({ prompt_tokens: 472, completion_tokens: 89, total_tokens: 561 });
  });

  it('numbers several tool calls 0, 1, … whatever their block index, and closes an input-less call with {}', () => {
    const { chunks } = run([
      { type: 'message_start', message: { id: 'msg_2', model: 'claude-sonnet-4-5', usage: { input_tokens: 10, output_tokens: 1 } } },
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Checking both.' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_a', name: 'get_time', input: {} } },
      { type: 'content_block_stop', index: 1 },
      { type: 'content_block_start', index: 2, content_block: { type: 'tool_use', id: 'toolu_b', name: 'get_weather', input: {} } },
      { type: 'content_block_delta', index: 2, delta: { type: 'input_json_delta', partial_json: '{"city":"Rome"}' } },
      { type: 'content_block_stop', index: 2 },
      { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 40 } },
      { type: 'message_stop' },
    ]);
    const toolDeltas = chunks.flatMap((chunk) => chunk.choices[0]?.delta?.tool_calls ?? []);
    expect(toolDeltas).toEqual([
      { index: 0, id: 'toolu_a', type: 'function', function: { name: 'get_time', arguments: '' } },
      { index: 0, function: { arguments: '{}' } },
      { index: 1, id: 'toolu_b', type: 'function', function: { name: 'get_weather', arguments: '' } },
      { index: 1, function: { arguments: '{"city":"Rome"}' } },
    ]);
  });

  it('streams thinking as reasoning_content and ignores signature deltas', () => {
    const { chunks } = run(thinkingStreamEvents);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta?.reasoning_content ?? '').join('')).toBe(
      'Let me solve this step by step:\n\n1. First break down 27 * 453\n2. 453 = 400 + 50 + 3',
    );
    expect(chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')).toBe('27 * 453 = 12,231');
    expect(JSON.stringify(chunks)).not.toContain('EqQBCgIYAhIM');
  });

  it('streams the emulated json_response tool input as content and finishes with stop', () => {
    const { chunks } = run([
      { type: 'message_start', message: { id: 'msg_3', model: 'claude-sonnet-4-5', usage: { input_tokens: 12, output_tokens: 1 } } },
      { type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 'toolu_json', name: 'json_response', input: {} } },
      { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"city": ' } },
      { type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '"Paris"}' } },
      { type: 'content_block_stop', index: 0 },
      { type: 'message_delta', delta: { stop_reason: 'tool_use' }, usage: { output_tokens: 9 } },
      { type: 'message_stop' },
    ]);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')).toBe('{"city": "Paris"}');
    expect(chunks.some((chunk) => chunk.choices[0]?.delta?.tool_calls)).toBe(false);
    expect(chunks.at(-1)?.choices[0]).toMatchObject({ finish_reason: 'stop', native_finish_reason: 'tool_use' });
  });

  it('takes cumulative usage from message_delta, cache counts included', () => {
    const { chunks } = run([
      { type: 'message_start', message: { id: 'msg_4', model: 'm', usage: { input_tokens: 5, cache_read_input_tokens: 100, output_tokens: 1 } } },
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: 'Hi' } },
      { type: 'message_delta', delta: { stop_reason: 'max_tokens' }, usage: { output_tokens: 3, cache_creation_input_tokens: 20 } },
      { type: 'message_stop' },
    ]);
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: '' });
    expect(chunks[1]?.choices[0]?.delta).toEqual({ content: 'Hi' });
    expect(chunks.at(-1)?.choices[0]).toMatchObject({ finish_reason: 'length', native_finish_reason: 'max_tokens' });
    expect(chunks.at(-1)?.usage).toEqual({
      prompt_tokens: 125,
      completion_tokens: 3,
      total_tokens: 128,
      prompt_tokens_details: { cached_tokens: 100, cache_write_tokens: 20 },
    });
  });

  it.each([
    ['overloaded_error', 'ServiceUnavailable'],
    ['rate_limit_error', 'RateLimited'],
    ['api_error', 'ServerError'],
    ['invalid_request_error', 'BadRequest'],
    ['authentication_error', 'Authentication'],
  ])('throws an error event of type %s as %s', (type, kind) => {
    const convert = createAnthropicStreamConverter(route);
    const event = { ...overloadedErrorEvent, error: { type, message: 'boom' } };
    expect(() => convert({ event: 'error', data: JSON.stringify(event), id: undefined })).toThrow(expect.objectContaining({ kind, provider: 'anthropic' }));
  });

  it('throws StreamError on an event that is not JSON, and ignores unknown event types', () => {
    const convert = createAnthropicStreamConverter(route);
    expect(convert({ event: 'future_event', data: '{"type":"future_event"}', id: undefined })).toEqual({ type: 'ignore' });
    expect(() => convert({ event: 'content_block_delta', data: '{not json', id: undefined })).toThrow(expect.objectContaining({ kind: 'Stream' }));
  });
});
