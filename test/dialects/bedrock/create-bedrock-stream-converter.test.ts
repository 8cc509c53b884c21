import { describe, expect, it } from 'vitest';
import type { ChatCompletionChunk } from '../../../generated/types/index.js';
import { createBedrockStreamConverter } from '../../../src/dialects/bedrock/create-bedrock-stream-converter.js';
import type { StreamEventResult } from '../../../src/dialects/dialect.js';
import { isLiterLlmError } from '../../../src/index.js';
import { bedrockRoute } from './bedrock-route.js';

const event = (name: string, payload: unknown) => ({ event: name, data: JSON.stringify(payload) });

function run(events: Array<{ event: string; data: string }>): { results: StreamEventResult[]; chunks: ChatCompletionChunk[] } {
  const convert = createBedrockStreamConverter(bedrockRoute('anthropic.claude-3-7-sonnet-20250219-v1:0'));
  const results = events.map((item) => convert(item));
  return { results, chunks: results.flatMap((result) => (result.type === 'ignore' ? [] : [...(result.chunks ?? [])])) };
}

function thrown(events: Array<{ event: string; data: string }>): Error & { kind?: string; status?: number } {
  try {
    run(events);
  } catch (error) {
    expect(isLiterLlmError(error)).toBe(true);
    return error as Error & { kind?: string };
  }
  throw new Error('expected the stream to throw');
}

describe('createBedrockStreamConverter', () => {
  it('streams thinking, text and two tool calls with stable indexes, then finish and usage', () => {
    const { results, chunks } = run([
      event('messageStart', { role: 'assistant' }),
      event('contentBlockDelta', { contentBlockIndex: 0, delta: { reasoningContent: { text: 'Two stations, ' } } }),
      event('contentBlockDelta', { contentBlockIndex: 0, delta: { reasoningContent: { text: 'two calls.' } } }),
      event('contentBlockDelta', { contentBlockIndex: 0, delta: { reasoningContent: { signature: 'EqoBCkgIARAB' } } }),
      event('contentBlockStop', { contentBlockIndex: 0 }),
      event('contentBlockDelta', { contentBlockIndex: 1, delta: { text: 'Checking.' } }),
      event('contentBlockStop', { contentBlockIndex: 1 }),
      event('contentBlockStart', { contentBlockIndex: 2, start: { toolUse: { toolUseId: 'tooluse_a', name: 'top_song' } } }),
      event('contentBlockDelta', { contentBlockIndex: 2, delta: { toolUse: { input: '{"sign":' } } }),
      event('contentBlockStart', { contentBlockIndex: 3, start: { toolUse: { toolUseId: 'tooluse_b', name: 'top_song' } } }),
      event('contentBlockDelta', { contentBlockIndex: 3, delta: { toolUse: { input: '{"sign":"WKRP"}' } } }),
      event('contentBlockDelta', { contentBlockIndex: 2, delta: { toolUse: { input: '"WZPZ"}' } } }),
      event('contentBlockStop', { contentBlockIndex: 2 }),
      event('contentBlockStop', { contentBlockIndex: 3 }),
      event('messageStop', { stopReason: 'tool_use' }),
      event('metadata', { usage: { inputTokens: 50, outputTokens: 40, totalTokens: 1290, cacheReadInputTokens: 1200 }, metrics: { latencyMs: 800 } }),
    ]);
    const deltas = chunks.map((chunk) => chunk.choices[0]?.delta);
    expect(deltas.slice(0, 4)).toEqual([
      { role: 'assistant' },
      { reasoning_content: 'Two stations, ' },
      { reasoning_content: 'two calls.' },
      { content: 'Checking.' },
    ]);
    expect(deltas.slice(4, 8)).toEqual([
      { tool_calls: [{ index: 0, id: 'tooluse_a', type: 'function', function: { name: 'top_song', arguments: '' } }] },
      { tool_calls: [{ index: 0, function: { arguments: '{"sign":' } }] },
      { tool_calls: [{ index: 1, id: 'tooluse_b', type: 'function', function: { name: 'top_song', arguments: '' } }] },
      { tool_calls: [{ index: 1, function: { arguments: '{"sign":"WKRP"}' } }] },
    ]);
    expect(deltas[8]).toEqual({ tool_calls: [{ index: 0, function: { arguments: '"WZPZ"}' } }] });
    expect(chunks[9]?.choices[0]).toMatchObject({ finish_reason: 'tool_calls', native_finish_reason: 'tool_use' });
    // metadata does not end the stream: a messageStop may still follow it (the body's end does).
    expect(results.at(-1)).toEqual({ type: 'chunks', chunks: [expect.objectContaining({ choices: [] })] });
    expect(chunks.at(-1)?.usage).toEqual({
      prompt_tokens: 1250,
      completion_tokens: 40,
      total_tokens: 1290,
      prompt_tokens_details: { cached_tokens: 1200, cache_write_tokens: 0 },
    });
    const ids = new Set(chunks.map((chunk) => chunk.id));
    expect(ids.size).toBe(1);
    expect(chunks.every((chunk) => chunk.object === 'chat.completion.chunk' && chunk.model === 'anthropic.claude-3-7-sonnet-20250219-v1:0')).toBe(true);
  });

  it('streams the response_format tool as content and finishes with stop', () => {
    const { chunks } = run([
      event('messageStart', { role: 'assistant' }),
      event('contentBlockStart', { contentBlockIndex: 0, start: { toolUse: { toolUseId: 't', name: 'respond_in_json' } } }),
      event('contentBlockDelta', { contentBlockIndex: 0, delta: { toolUse: { input: '{"city":' } } }),
      event('contentBlockDelta', { contentBlockIndex: 0, delta: { toolUse: { input: '"Paris"}' } } }),
      event('messageStop', { stopReason: 'tool_use' }),
    ]);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')).toBe('{"city":"Paris"}');
    expect(chunks.some((chunk) => chunk.choices[0]?.delta?.tool_calls !== undefined)).toBe(false);
    expect(chunks.at(-1)?.choices[0]).toMatchObject({ finish_reason: 'stop', native_finish_reason: 'tool_use' });
  });

  it('puts the role on the first chunk even without messageStart, and maps max_tokens to length', () => {
    const { chunks } = run([event('contentBlockDelta', { contentBlockIndex: 0, delta: { text: 'Hi' } }), event('messageStop', { stopReason: 'max_tokens' })]);
    expect(chunks[0]?.choices[0]?.delta).toEqual({ role: 'assistant', content: 'Hi' });
    expect(chunks[1]?.choices[0]).toMatchObject({ finish_reason: 'length', native_finish_reason: 'max_tokens' });
  });

  it('ignores contentBlockStop, unknown events and metadata without usage, and never ends on metadata', () => {
    const { results } = run([event('contentBlockStop', { contentBlockIndex: 0 }), event('somethingNew', {}), event('metadata', { metrics: { latencyMs: 1 } })]);
    expect(results).toEqual([{ type: 'ignore' }, { type: 'ignore' }, { type: 'ignore' }]);
  });

  it.each([
    ['throttlingException', 'Too many requests, please wait before trying again.', 'RateLimited', 429],
    ['modelStreamErrorException', 'The model stopped unexpectedly.', 'ServerError', 424],
    ['internalServerException', 'Internal error', 'ServerError', 500],
    ['serviceUnavailableException', 'Service unavailable', 'ServiceUnavailable', 503],
    ['validationException', 'Input is too long for requested model.', 'ContextWindowExceeded', 400],
    ['validationException', 'Malformed input request', 'BadRequest', 400],
  ])('throws %s (%s) as %s', (type, message, kind, status) => {
    const error = thrown([event('messageStart', { role: 'assistant' }), { event: `exception:${type}`, data: JSON.stringify({ message }) }]);
    expect(error).toMatchObject({ kind, status, provider: 'bedrock' });
    expect(error.message).toContain(message);
  });

  it('throws error frames and out-of-order tool input as typed errors', () => {
    expect(thrown([{ event: 'error:InternalFailure', data: 'We encountered an internal error.' }]).kind).toBe('ServerError');
    expect(thrown([event('contentBlockDelta', { contentBlockIndex: 4, delta: { toolUse: { input: '{}' } } })]).kind).toBe('Stream');
    expect(thrown([{ event: 'contentBlockDelta', data: '{not json' }]).kind).toBe('Stream');
  });
});
