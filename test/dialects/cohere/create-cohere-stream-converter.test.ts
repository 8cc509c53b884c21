import { describe, expect, it } from 'vitest';
import type { ChatCompletionChunk } from '../../../generated/types/index.js';
import { createCohereStreamConverter } from '../../../src/dialects/cohere/create-cohere-stream-converter.js';
import type { StreamEventResult } from '../../../src/dialects/dialect.js';
import { citationStreamEvents, cohereRoute, reasoningStreamEvents, textStreamEvents, toolCallStreamEvents } from './cohere-fixtures.js';

const route = cohereRoute();

/** Feeds SSE events (as parse-sse-events yields them) and collects every result. */
function run(events: ReadonlyArray<Record<string, unknown>>): { results: StreamEventResult[]; chunks: ChatCompletionChunk[] } {
  const convert = createCohereStreamConverter(route, () => 1_700_000_000_000);
  const results = events.map((event) => convert({ event: String(event.type), data: JSON.stringify(event) }));
  return { results, chunks: results.flatMap((result) => (result.type === 'ignore' ? [] : [...(result.chunks ?? [])])) };
}

describe('createCohereStreamConverter', () => {
  it('streams text as OpenAI chunks and ends on message-end with the finish reason, then usage', () => {
    const { results, chunks } = run(textStreamEvents);
    expect(results.map((result) => result.type)).toEqual(['chunks', 'ignore', 'chunks', 'chunks', 'ignore', 'done']);
    const base = { id: '29f14a5a-11de-4cae-9800-25e4747408ea', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'command-a-03-2025' };
    expect(chunks).toEqual([
      { ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] },
      { ...base, choices: [{ index: 0, delta: { content: 'Par' }, finish_reason: null }] },
      { ...base, choices: [{ index: 0, delta: { content: 'is.' }, finish_reason: null }] },
      { ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop', native_finish_reason: 'COMPLETE' }] },
      { ...base, choices: [], usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22, billed_units: { input_tokens: 8, output_tokens: 2 } } },
    ]);
  });

  it('indexes tool calls in order, with id and name first and argument fragments after', () => {
    const { chunks } = run(toolCallStreamEvents);
    const deltas = chunks.flatMap((chunk) => chunk.choices.map((choice) => choice.delta));
    expect(deltas.filter((delta) => delta?.reasoning_content).map((delta) => delta?.reasoning_content)).toEqual(['I will look up ', 'the weather.']);
    expect(deltas.flatMap((delta) => delta?.tool_calls ?? [])).toEqual([
      { index: 0, id: 'get_weather_nsz5zm3w56q3', type: 'function', function: { name: 'get_weather', arguments: '' } },
      { index: 0, function: { arguments: '{"city":' } },
      { index: 0, function: { arguments: '"Paris"}' } },
      { index: 1, id: 'get_weather_a8kd2kd9s1qq', type: 'function', function: { name: 'get_weather', arguments: '' } },
      { index: 1, function: { arguments: '{"city":"Rome"}' } },
    ]);
    expect(chunks.at(-2)?.choices[0]).toMatchObject({ finish_reason: 'tool_calls', native_finish_reason: 'TOOL_CALL' });
    expect(chunks.at(-1)?.usage).toMatchObject({ prompt_tokens: 1010, completion_tokens: 28, total_tokens: 1038 });
  });

  it('streams thinking content as reasoning_content, then the answer as content', () => {
    const { chunks } = run(reasoningStreamEvents);
    const deltas = chunks.map((chunk) => chunk.choices[0]?.delta ?? {});
    expect(deltas.map((delta) => delta.reasoning_content).filter(Boolean)).toEqual(['Alice has ', '2 sisters.']);
    expect(deltas.map((delta) => delta.content).filter(Boolean)).toEqual(['3 sisters.']);
  });

  it('skips citation events and keeps the text around them', () => {
    const { results, chunks } = run(citationStreamEvents);
    const ignored = citationStreamEvents.filter((_event, index) => results[index]?.type === 'ignore').map((event) => event.type);
    expect(ignored).toEqual(['content-start', 'citation-start', 'citation-end', 'content-end']);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')).toBe('The tallest penguins are emperor penguins.');
  });

  it('reads the type from the SSE event name when the JSON has none', () => {
    const convert = createCohereStreamConverter(route);
    const result = convert({ event: 'content-delta', data: JSON.stringify({ index: 0, delta: { message: { content: { text: 'Hi' } } } }) });
    expect(result).toMatchObject({ type: 'chunks', chunks: [{ choices: [{ delta: { content: 'Hi' } }] }] });
  });

  it('throws when message-end reports ERROR, TIMEOUT or an error text', () => {
    const convert = createCohereStreamConverter(route);
    const end = (delta: Record<string, unknown>) => ({ event: 'message-end', data: JSON.stringify({ type: 'message-end', delta }) });
    expect(() => convert(end({ finish_reason: 'ERROR' }))).toThrow(expect.objectContaining({ kind: 'ServerError' }));
    expect(() => convert(end({ finish_reason: 'TIMEOUT' }))).toThrow(expect.objectContaining({ kind: 'Timeout' }));
    expect(() => convert(end({ finish_reason: 'ERROR', error: 'too many tokens: size limit exceeded by 3 tokens' }))).toThrow(
      expect.objectContaining({ kind: 'ContextWindowExceeded' }),
    );
  });

  it('throws typed errors for error events, malformed JSON and orphan tool deltas', () => {
    const convert = createCohereStreamConverter(route);
    expect(() => convert({ event: 'error', data: JSON.stringify({ type: 'error', status_code: 429, message: 'rate limited' }) })).toThrow(
      expect.objectContaining({ kind: 'RateLimited' }),
    );
    expect(() => convert({ event: 'content-delta', data: '{"type":' })).toThrow(expect.objectContaining({ kind: 'Stream' }));
    expect(() =>
      convert({ event: 'tool-call-delta', data: JSON.stringify({ type: 'tool-call-delta', index: 3, delta: { message: { tool_calls: { function: { arguments: '{' } } } } }) }),
    ).toThrow(/before its tool-call-start/);
  });

  it('does not take a stray [DONE] for the end of the answer', () => {
    expect(createCohereStreamConverter(route)({ data: '[DONE]' })).toEqual({ type: 'ignore' });
  });
});
