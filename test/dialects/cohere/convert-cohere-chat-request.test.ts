import { describe, expect, it } from 'vitest';
import type { ChatCompletionRequest } from '../../../generated/types/index.js';
import { convertCohereChatRequest } from '../../../src/dialects/cohere/convert-cohere-chat-request.js';
import { cohereRoute } from './cohere-fixtures.js';

const route = cohereRoute();
const convert = (request: Omit<ChatCompletionRequest, 'model'>, stream = false) =>
  convertCohereChatRequest({ model: 'cohere/command-a-03-2025', ...request }, route, stream);
const user = { role: 'user' as const, content: 'Hi' };

describe('convertCohereChatRequest', () => {
  it('builds the documented v2 chat body with every sampling parameter renamed', () => {
    const wire = convert({
      messages: [
        { role: 'system', content: 'You respond in concise sentences.' },
        { role: 'developer', content: [{ type: 'text', text: 'Use metric units.' }] },
        { role: 'user', content: 'Tell me about LLMs' },
      ],
      temperature: 0.3,
      top_p: 0.75,
      max_completion_tokens: 300,
      stop: 'END',
      seed: 42,
      frequency_penalty: 0.2,
      presence_penalty: 0.1,
      logprobs: true,
    });
    expect(wire).toEqual({
      endpoint: 'chat',
      method: 'POST',
      path: '/v2/chat',
      body: {
        model: 'command-a-03-2025',
        messages: [
          { role: 'system', content: 'You respond in concise sentences.' },
          { role: 'system', content: [{ type: 'text', text: 'Use metric units.' }] },
          { role: 'user', content: 'Tell me about LLMs' },
        ],
        stream: false,
        max_tokens: 300,
        temperature: 0.3,
        p: 0.75,
        stop_sequences: ['END'],
        seed: 42,
        frequency_penalty: 0.2,
        presence_penalty: 0.1,
        logprobs: true,
      },
      warnings: [],
    });
  });

  it('sends a tool-use conversation as Cohere documents it: tool_plan with tool_calls, then a tool message', () => {
    const wire = convert({
      messages: [
        { role: 'user', content: "What's the weather in Toronto?" },
        {
          role: 'assistant',
          content: 'I will search for the weather in Toronto.',
          tool_calls: [{ id: 'get_weather_1byjy32y4hvq', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Toronto"}' } }],
        },
        { role: 'tool', tool_call_id: 'get_weather_1byjy32y4hvq', content: '{"temperature":{"toronto":"11°C"}}' },
        { role: 'assistant', content: "It's 11°C in Toronto." },
      ],
    });
    expect(wire.body?.messages).toEqual([
      { role: 'user', content: "What's the weather in Toronto?" },
      {
        role: 'assistant',
        tool_plan: 'I will search for the weather in Toronto.',
        tool_calls: [{ id: 'get_weather_1byjy32y4hvq', type: 'function', function: { name: 'get_weather', arguments: '{"location":"Toronto"}' } }],
      },
      { role: 'tool', tool_call_id: 'get_weather_1byjy32y4hvq', content: '{"temperature":{"toronto":"11°C"}}' },
      { role: 'assistant', content: "It's 11°C in Toronto." },
    ]);
  });

  it('takes the tool plan from reasoning_content, as this dialect returned it, keeping any text as content', () => {
    const assistant = {
      role: 'assistant' as const,
      content: 'Checking.',
      reasoning_content: 'I will call get_weather.',
      tool_calls: [{ id: 'c1', type: 'function' as const, function: { name: 'get_weather', arguments: '{}' } }],
    };
    const wire = convert({ messages: [user, assistant] });
    expect((wire.body?.messages as unknown[])[1]).toEqual({
      role: 'assistant',
      tool_plan: 'I will call get_weather.',
      content: 'Checking.',
      tool_calls: [{ id: 'c1', type: 'function', function: { name: 'get_weather', arguments: '{}' } }],
    });
  });

  it('passes images as image_url parts, by URL and as base64 data URLs', () => {
    const wire = convert({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Describe both.' },
            { type: 'image_url', image_url: { url: 'https://cohere.com/favicon-32x32.png', detail: 'high' } },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
          ],
        },
      ],
    });
    expect(wire.body?.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Describe both.' },
          { type: 'image_url', image_url: { url: 'https://cohere.com/favicon-32x32.png', detail: 'high' } },
          { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
        ],
      },
    ]);
  });

  it('rejects audio and file parts, naming the part', () => {
    expect(() =>
      convert({ messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } }] }] }),
    ).toThrow(expect.objectContaining({ kind: 'BadRequest', message: expect.stringContaining('messages[0].content[0]') }));
    expect(() =>
      convert({ messages: [{ role: 'user', content: [{ type: 'text', text: 'x' }, { type: 'file', file: { file_id: 'file-1' } }] }] }),
    ).toThrow(/messages\[0\]\.content\[1\].*extra_body\.documents/);
  });

  it('rejects the legacy function role and n > 1', () => {
    expect(() => convert({ messages: [{ role: 'function', name: 'f', content: '1' }] })).toThrow(/messages\[0\].*"function"/);
    expect(() => convert({ messages: [user], n: 2 })).toThrow(expect.objectContaining({ kind: 'BadRequest', message: expect.stringContaining('n=2') }));
  });

  describe('tools and tool_choice', () => {
    const weather = { type: 'function' as const, function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } };
    const time = { type: 'function' as const, function: { name: 'get_time' } };

    it('keeps the OpenAI-like tool shape and gives a schema to a function without parameters', () => {
      const wire = convert({ messages: [user], tools: [weather, time] });
      expect(wire.body?.tools).toEqual([
        { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } } },
        { type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } },
      ]);
      expect(wire.body).not.toHaveProperty('tool_choice');
    });

    it.each([
      ['auto', undefined],
      ['none', 'NONE'],
      ['required', 'REQUIRED'],
    ] as const)('maps tool_choice %s to %s', (choice, expected) => {
      const wire = convert({ messages: [user], tools: [weather], tool_choice: choice });
      expect(wire.body?.tool_choice).toBe(expected);
    });

    it('emulates a named tool_choice: only that tool, REQUIRED, and a warning', () => {
      const wire = convert({ messages: [user], tools: [weather, time], tool_choice: { type: 'function', function: { name: 'get_time' } } });
      expect(wire.body?.tools).toEqual([{ type: 'function', function: { name: 'get_time', parameters: { type: 'object', properties: {} } } }]);
      expect(wire.body?.tool_choice).toBe('REQUIRED');
      expect(wire.warnings).toEqual([expect.stringContaining('only "get_time" was sent')]);
    });

    it('rejects a named or required choice with nothing to call', () => {
      expect(() => convert({ messages: [user], tools: [weather], tool_choice: { type: 'function', function: { name: 'nope' } } })).toThrow(/"nope"/);
      expect(() => convert({ messages: [user], tool_choice: 'required' })).toThrow(/needs tools/);
    });

    it('turns per-function strict into strict_tools, warning when only some asked', () => {
      const strict = { ...weather, function: { ...weather.function, strict: true } };
      expect(convert({ messages: [user], tools: [strict] }).body?.strict_tools).toBe(true);
      const mixed = convert({ messages: [user], tools: [strict, time] });
      expect(mixed.body?.strict_tools).toBe(true);
      expect(mixed.warnings).toEqual([expect.stringContaining('strict_tools')]);
    });

    it('reports parallel_tool_calls false, which Cohere cannot honour', () => {
      expect(convert({ messages: [user], tools: [weather], parallel_tool_calls: false }).warnings).toEqual([
        expect.stringContaining('parallel_tool_calls'),
      ]);
    });
  });

  it('sends json_schema natively as json_object with json_schema', () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
    expect(convert({ messages: [user], response_format: { type: 'json_schema', json_schema: { name: 'place', schema, strict: true } } }).body?.response_format).toEqual({
      type: 'json_object',
      json_schema: schema,
    });
    expect(convert({ messages: [user], response_format: { type: 'json_object' } }).body?.response_format).toEqual({ type: 'json_object' });
    expect(convert({ messages: [user], response_format: { type: 'text' } }).body).not.toHaveProperty('response_format');
  });

  it('maps reasoning_effort to a thinking budget, and none to disabled', () => {
    expect(convert({ messages: [user], reasoning_effort: 'high' }).body?.thinking).toEqual({ type: 'enabled', token_budget: 4096 });
    expect(convert({ messages: [user], reasoning_effort: 'low' }).body?.thinking).toEqual({ type: 'enabled', token_budget: 1024 });
    expect(convert({ messages: [user], reasoning_effort: 'none' }).body?.thinking).toEqual({ type: 'disabled' });
  });

  it('merges extra_body last: documents, k, and a thinking budget of your own', () => {
    const documents = [{ id: 'doc:0', data: { title: 'Tall penguins', snippet: 'Emperor penguins are the tallest.' } }];
    const wire = convert({
      messages: [user],
      reasoning_effort: 'low',
      extra_body: { documents, k: 40, thinking: { type: 'enabled', token_budget: 9000 }, citation_options: { mode: 'FAST' } },
    });
    expect(wire.body).toMatchObject({ documents, k: 40, thinking: { type: 'enabled', token_budget: 9000 }, citation_options: { mode: 'FAST' } });
  });

  it('reports what it drops instead of sending or losing it silently', () => {
    const request = {
      messages: [{ role: 'user' as const, content: 'Hi', name: 'ada' }],
      user: 'user-1',
      logit_bias: { '1': 5 },
      top_k: 3,
    } as unknown as Omit<ChatCompletionRequest, 'model'>;
    const wire = convert(request);
    expect(wire.body).not.toHaveProperty('user');
    expect(wire.body).not.toHaveProperty('top_k');
    expect(wire.warnings).toEqual([
      'dropped "messages[0].name": Cohere messages have no participant name',
      'dropped "user": Cohere has no end-user field',
      'dropped "logit_bias": Cohere v2 chat has no logit bias',
      'dropped "top_k": it is not part of the OpenAI request shape; pass provider options in extra_body',
    ]);
  });

  it('asks for a stream with stream: true and no stream_options (usage always comes in message-end)', () => {
    const wire = convert({ messages: [user], stream_options: { include_usage: true } }, true);
    expect(wire.body).toMatchObject({ stream: true });
    expect(wire.body).not.toHaveProperty('stream_options');
    expect(wire.warnings).toEqual([]);
  });
});
