import { describe, expect, it } from 'vitest';
import { convertCohereChatResponse } from '../../../src/dialects/cohere/convert-cohere-chat-response.js';
import { cohereRoute, reasoningResponse, textResponse, toolCallResponse } from './cohere-fixtures.js';

const route = cohereRoute();
const convert = (body: unknown) => convertCohereChatResponse(body, route, () => 1_700_000_000_000);

describe('convertCohereChatResponse', () => {
  it('turns the documented text response into an OpenAI completion with usage from tokens', () => {
    expect(convert(textResponse)).toEqual({
      id: 'c14c80c3-18eb-4519-9460-6c92edd8cfb4',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'command-a-03-2025',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Paris.' }, finish_reason: 'stop', native_finish_reason: 'COMPLETE' }],
      usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22, billed_units: { input_tokens: 8, output_tokens: 2 } },
    });
  });

  it('returns tool calls as they are and the tool plan as reasoning_content', () => {
    const response = convert(toolCallResponse);
    expect(response.choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        reasoning_content: 'I will look up the weather in Paris.',
        tool_calls: [{ id: 'get_weather_1byjy32y4hvq', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
      },
      finish_reason: 'tool_calls',
      native_finish_reason: 'TOOL_CALL',
    });
    expect(response.usage).toMatchObject({ prompt_tokens: 1010, completion_tokens: 21, total_tokens: 1031 });
  });

  it('surfaces thinking parts as reasoning_content and cached tokens in prompt_tokens_details', () => {
    const response = convert(reasoningResponse);
    expect(response.choices[0]?.message).toEqual({
      role: 'assistant',
      content: 'Each brother has 3 sisters.',
      reasoning_content: 'Alice has 2 sisters; her brothers also count Alice.',
    });
    expect(response.usage).toMatchObject({ prompt_tokens: 560, completion_tokens: 60, total_tokens: 620, prompt_tokens_details: { cached_tokens: 512 } });
  });

  it('keeps citations from documents on the message', () => {
    const citations = [
      { start: 29, end: 45, text: 'emperor penguins', sources: [{ type: 'document', id: 'doc:0', document: { id: 'doc:0', title: 'Tall penguins' } }], type: 'TEXT_CONTENT' },
    ];
    const response = convert({ ...textResponse, message: { ...textResponse.message, citations } });
    expect((response.choices[0]?.message as { citations?: unknown }).citations).toEqual(citations);
  });

  it('joins several text parts and falls back to billed units when tokens are missing', () => {
    const response = convert({
      id: 'x',
      finish_reason: 'MAX_TOKENS',
      message: { role: 'assistant', content: [{ type: 'text', text: 'Once upon ' }, { type: 'text', text: 'a time' }] },
      usage: { billed_units: { input_tokens: 5, output_tokens: 4 } },
    });
    expect(response.choices[0]).toMatchObject({ message: { content: 'Once upon a time' }, finish_reason: 'length', native_finish_reason: 'MAX_TOKENS' });
    expect(response.usage).toMatchObject({ prompt_tokens: 5, completion_tokens: 4, total_tokens: 9 });
  });

  it.each([
    ['STOP_SEQUENCE', 'stop'],
    ['ERROR_TOXIC', 'content_filter'],
    ['ERROR_LIMIT', 'length'],
  ])('maps finish_reason %s to %s and keeps the raw value', (raw, mapped) => {
    const response = convert({ ...textResponse, finish_reason: raw });
    expect(response.choices[0]).toMatchObject({ finish_reason: mapped, native_finish_reason: raw });
  });

  it('throws on ERROR and TIMEOUT rather than return a cut answer as complete', () => {
    expect(() => convert({ ...textResponse, finish_reason: 'ERROR' })).toThrow(
      expect.objectContaining({ kind: 'ServerError', message: expect.stringContaining('finish_reason ERROR') }),
    );
    expect(() => convert({ ...textResponse, finish_reason: 'TIMEOUT' })).toThrow(expect.objectContaining({ kind: 'Timeout' }));
  });

  it('maps per-piece log probabilities to OpenAI token entries', () => {
    const response = convert({ ...textResponse, logprobs: [{ token_ids: [17, 42], text: 'Paris', logprobs: [-0.25, -0.5] }] });
    expect(response.choices[0]?.logprobs).toEqual({ content: [{ token: 'Paris', logprob: -0.75, bytes: null, top_logprobs: [] }] });
  });

  it('rejects a body without a message as an invalid response', () => {
    expect(() => convert({ id: 'x', finish_reason: 'COMPLETE' })).toThrow(expect.objectContaining({ kind: 'InvalidResponse' }));
    expect(() => convert('not json')).toThrow(expect.objectContaining({ kind: 'InvalidResponse' }));
  });
});
