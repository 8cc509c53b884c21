import { describe, expect, it } from 'vitest';
import { InvalidResponseError, type ChatCompletionResponse } from '../../../src/index.js';
import { convertAnthropicChatResponse } from '../../../src/dialects/anthropic/convert-anthropic-chat-response.js';
import { convertChatResponseToAnthropic } from '../../../gateway/anthropic/convert-chat-response-to-anthropic.js';
import { createAnthropicTestRoute } from '../../dialects/anthropic/anthropic-test-route.js';

function response(message: Record<string, unknown>, extra: Partial<ChatCompletionResponse> & { finish?: string | null; native?: string } = {}): ChatCompletionResponse {
  const { finish = 'stop', native, ...rest } = extra;
  return {
    id: 'chatcmpl-abc',
    object: 'chat.completion',
    created: 1,
    model: 'llama-3.3-70b',
    choices: [{ index: 0, message: { role: 'assistant', ...message }, finish_reason: finish, ...(native === undefined ? {} : { native_finish_reason: native }) }],
    usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 },
    ...rest,
  };
}

describe('convertChatResponseToAnthropic', () => {
  it('answers a text completion as an Anthropic message with the requested model name', () => {
    expect(convertChatResponseToAnthropic(response({ content: 'Hello!' }), 'fast')).toEqual({
      id: 'msg_chatcmpl-abc',
      type: 'message',
      role: 'assistant',
      model: 'fast',
      content: [{ type: 'text', text: 'Hello!' }],
      stop_reason: 'end_turn',
      stop_sequence: null,
      usage: { input_tokens: 12, output_tokens: 5, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    });
  });

  it('keeps an id that already has the msg_ prefix and makes one when the upstream sent none', () => {
    expect(convertChatResponseToAnthropic(response({ content: 'x' }, { id: 'msg_01' }), 'fast').id).toBe('msg_01');
    expect(convertChatResponseToAnthropic(response({ content: 'x' }, { id: '' }), 'fast').id).toMatch(/^msg_[0-9a-f]{32}$/);
  });

  it('puts reasoning first as a thinking block, then text, then tool_use blocks with parsed input', () => {
    const converted = convertChatResponseToAnthropic(
      response(
        {
          content: 'Let me check.',
          reasoning_content: 'The user wants weather.',
          tool_calls: [
            { id: 'call_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
            { id: 'call_2', type: 'function', function: { name: 'get_time', arguments: '' } },
          ],
        },
        { finish: 'tool_calls' },
      ),
      'fast',
    );
    expect(converted.content).toEqual([
      { type: 'thinking', thinking: 'The user wants weather.', signature: '' },
      { type: 'text', text: 'Let me check.' },
      { type: 'tool_use', id: 'call_1', name: 'get_weather', input: { city: 'Paris' } },
      { type: 'tool_use', id: 'call_2', name: 'get_time', input: {} },
    ]);
    expect(converted.stop_reason).toBe('tool_use');
  });

  it('reads reasoning under the name some OpenAI-compatible servers use', () => {
    expect(convertChatResponseToAnthropic(response({ content: 'x', reasoning: 'because' }), 'fast').content[0]).toEqual({
      type: 'thinking',
      thinking: 'because',
      signature: '',
    });
  });

  it('refuses tool arguments that are not a JSON object instead of inventing an input', () => {
    const call = (args: string) =>
      response({ content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: args } }] }, { finish: 'tool_calls' });
    expect(() => convertChatResponseToAnthropic(call('{"city": "Par'), 'fast')).toThrow(InvalidResponseError);
    expect(() => convertChatResponseToAnthropic(call('[1,2]'), 'fast')).toThrow(
      "the upstream answer's choices[0].message.tool_calls[0].function.arguments is not a JSON object, which Anthropic's tool_use input must be",
    );
  });

  it('maps finish reasons to stop reasons', () => {
    const stop = (finish: string | null, message: Record<string, unknown> = { content: 'x' }, native?: string) =>
      convertChatResponseToAnthropic(response(message, native === undefined ? { finish } : { finish, native }), 'fast').stop_reason;
    expect(stop('stop')).toBe('end_turn');
    expect(stop(null)).toBe('end_turn');
    expect(stop('length')).toBe('max_tokens');
    expect(stop('tool_calls')).toBe('tool_use');
    expect(stop('function_call')).toBe('tool_use');
    expect(stop('content_filter')).toBe('refusal');
    expect(stop('something_new')).toBe('end_turn');
    // A provider that says "stop" beside tool calls still needs the client to run them.
    expect(stop('stop', { content: null, tool_calls: [{ id: 'c', type: 'function', function: { name: 'f', arguments: '{}' } }] })).toBe('tool_use');
    expect(stop('stop', { content: null, refusal: 'I cannot help with that.' })).toBe('refusal');
    // Anthropic's own reasons survive when they agree with the finish reason.
    expect(stop('stop', { content: 'x' }, 'stop_sequence')).toBe('stop_sequence');
    expect(stop('stop', { content: 'x' }, 'pause_turn')).toBe('pause_turn');
    expect(stop('length', { content: 'x' }, 'model_context_window_exceeded')).toBe('model_context_window_exceeded');
    expect(stop('stop', { content: 'x' }, 'tool_use')).toBe('end_turn');
    expect(stop('stop', { content: 'x' }, 'STOP')).toBe('end_turn');
  });

  it('answers a refusal as text', () => {
    expect(convertChatResponseToAnthropic(response({ content: null, refusal: 'No.' }), 'fast').content).toEqual([{ type: 'text', text: 'No.' }]);
  });

  it('splits cached input out of prompt_tokens as Anthropic counts it, and answers zeros without usage', () => {
    const usage = { prompt_tokens: 1000, completion_tokens: 50, total_tokens: 1050, prompt_tokens_details: { cached_tokens: 600, cache_write_tokens: 300 } };
    expect(convertChatResponseToAnthropic(response({ content: 'x' }, { usage }), 'fast').usage).toEqual({
      input_tokens: 100,
      output_tokens: 50,
      cache_creation_input_tokens: 300,
      cache_read_input_tokens: 600,
    });
    const { usage: _dropped, ...withoutUsage } = response({ content: 'x' });
    expect(convertChatResponseToAnthropic(withoutUsage, 'fast').usage).toEqual({
      input_tokens: 0,
      output_tokens: 0,
      cache_creation_input_tokens: 0,
      cache_read_input_tokens: 0,
    });
  });

  it('refuses a response without choices', () => {
    expect(() => convertChatResponseToAnthropic({ ...response({ content: 'x' }), choices: [] }, 'fast')).toThrow(InvalidResponseError);
  });

  it('gives back an Anthropic upstream answer as it was, through the SDK dialect and back', () => {
    const wire = {
      id: 'msg_01XFDUDYJgAACzvnptvVoYEL',
      type: 'message',
      role: 'assistant',
      model: 'claude-sonnet-4-5',
      content: [
        { type: 'thinking', thinking: 'Weather needed.', signature: 'EqQBCkYIBx' },
        { type: 'redacted_thinking', data: 'opaque' },
        { type: 'text', text: 'Checking.' },
        { type: 'tool_use', id: 'toolu_01', name: 'get_weather', input: { city: 'Paris', days: [1, 2] } },
      ],
      stop_reason: 'tool_use',
      stop_sequence: null,
      usage: { input_tokens: 40, output_tokens: 30, cache_creation_input_tokens: 10, cache_read_input_tokens: 2000 },
    };
    const sdk = convertAnthropicChatResponse(wire, createAnthropicTestRoute({ model: 'claude-sonnet-4-5' }));
    expect(convertChatResponseToAnthropic(sdk, 'claude-sonnet-4-5')).toEqual(wire);
    const stopped = convertAnthropicChatResponse({ ...wire, content: [{ type: 'text', text: 'a' }], stop_reason: 'stop_sequence' }, createAnthropicTestRoute());
    expect(convertChatResponseToAnthropic(stopped, 'm').stop_reason).toBe('stop_sequence');
  });
});
