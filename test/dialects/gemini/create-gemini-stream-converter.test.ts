import { describe, expect, it } from 'vitest';
import type { ChatCompletionChunk } from '../../../src/index.js';
import { createGeminiStreamConverter } from '../../../src/dialects/gemini/create-gemini-stream-converter.js';
import {
  blockedPromptResponse,
  overloadedErrorEvent,
  textStreamEvents,
  thinkingStreamEvents,
  toolCallStreamEvents,
} from './gemini-fixtures.js';
import { createGeminiRoute } from './gemini-route.js';

const route = createGeminiRoute();

function run(events: readonly unknown[]): ChatCompletionChunk[] {
  const convert = createGeminiStreamConverter(route);
  const chunks: ChatCompletionChunk[] = [];
  for (const event of events) {
    const result = convert({ data: typeof event === 'string' ? event : JSON.stringify(event), event: undefined, id: undefined });
    if (result.type !== 'ignore') chunks.push(...(result.chunks ?? []));
  }
  return chunks;
}

describe('createGeminiStreamConverter', () => {
  it('turns each text event into a delta, with the role first and finish reason and usage last', () => {
    const chunks = run(textStreamEvents);
    expect(chunks).toEqual([
      {
        id: 'stream-1',
        object: 'chat.completion.chunk',
        created: expect.any(Number),
        model: 'gemini-2.5-flash',
        choices: [{ index: 0, delta: { content: 'Par', role: 'assistant' }, finish_reason: null }],
      },
      {
        id: 'stream-1',
        object: 'chat.completion.chunk',
        created: chunks[0]?.created,
        model: 'gemini-2.5-flash',
        choices: [{ index: 0, delta: { content: 'is.' }, finish_reason: 'stop', native_finish_reason: 'STOP' }],
        usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 },
      },
    ]);
  });

  it('streams thoughts as reasoning_content and counts thought tokens', () => {
    const chunks = run(thinkingStreamEvents);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta)).toEqual([
      { reasoning_content: 'Considering capitals.', role: 'assistant' },
      { content: 'Paris.' },
    ]);
    expect(chunks[1]?.usage).toEqual({
      prompt_tokens: 12,
      completion_tokens: 42,
      total_tokens: 54,
      completion_tokens_details: { reasoning_tokens: 40 },
    });
  });

  it('sends each whole function call as one tool-call delta with a running index', () => {
    const chunks = run(toolCallStreamEvents);
    const deltas = chunks.map((chunk) => chunk.choices[0]?.delta?.tool_calls);
    expect(deltas).toEqual([
      [{ index: 0, id: expect.stringMatching(/^call_stream-tools_0__thought__c2lnbmF0dXJlLTE$/), type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
      [{ index: 1, id: 'call_stream-tools_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } }],
    ]);
    expect(chunks[1]?.choices[0]).toMatchObject({ finish_reason: 'tool_calls', native_finish_reason: 'STOP' });
  });

  it('ends a blocked prompt with content_filter', () => {
    expect(run([blockedPromptResponse])).toEqual([
      expect.objectContaining({
        choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: 'content_filter', native_finish_reason: 'SAFETY' }],
        usage: { prompt_tokens: 7, completion_tokens: 0, total_tokens: 7 },
      }),
    ]);
  });

  it('sends usage that arrives after the finish as a chunk without choices, and skips empty events', () => {
    const chunks = run([
      { candidates: [{ content: { role: 'model', parts: [{ text: 'Hi' }] }, finishReason: 'STOP' }], responseId: 'late' },
      { candidates: [{ content: { role: 'model', parts: [{ text: '' }] } }], responseId: 'late' },
      { usageMetadata: { promptTokenCount: 3, candidatesTokenCount: 1, totalTokenCount: 4 }, responseId: 'late' },
      '',
    ]);
    expect(chunks).toHaveLength(2);
    expect(chunks[1]).toMatchObject({ id: 'late', choices: [], usage: { prompt_tokens: 3, completion_tokens: 1, total_tokens: 4 } });
  });

  it('throws the typed error of an error event and a StreamError for non-JSON data', () => {
    expect(() => run([textStreamEvents[0], overloadedErrorEvent])).toThrow(expect.objectContaining({ kind: 'ServiceUnavailable', status: 503 }));
    expect(() => run(['{not json'])).toThrow(expect.objectContaining({ kind: 'Stream' }));
  });

  it('treats an OpenAI [DONE] from a proxy as the end', () => {
    expect(createGeminiStreamConverter(route)({ data: '[DONE]', event: undefined, id: undefined })).toEqual({ type: 'done' });
  });
});
