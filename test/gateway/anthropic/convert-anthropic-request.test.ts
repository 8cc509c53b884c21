import { describe, expect, it } from 'vitest';
import { BadRequestError, type ChatCompletionRequest } from '../../../src/index.js';
import { convertAnthropicRequest } from '../../../gateway/anthropic/convert-anthropic-request.js';

const base = { model: 'fast', max_tokens: 1024 };
const convert = (body: Record<string, unknown>, anthropicUpstream = false): ChatCompletionRequest =>
  convertAnthropicRequest({ ...base, ...body }, { anthropicUpstream });
const rejects = (body: unknown, message: string, anthropicUpstream = false): void => {
  let caught: unknown;
  try {
    convertAnthropicRequest(body, { anthropicUpstream });
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(BadRequestError);
  expect((caught as Error).message).toBe(message);
};

const PNG = 'iVBORw0KGgo=';
const PDF = 'JVBERi0xLjQK';

describe('convertAnthropicRequest', () => {
  it('converts the documented hello request', () => {
    expect(convert({ messages: [{ role: 'user', content: 'Hello, Claude' }] })).toEqual({
      model: 'fast',
      max_tokens: 1024,
      messages: [{ role: 'user', content: 'Hello, Claude' }],
    });
  });

  it('puts a string system prompt and system text blocks first, cache_control only for an Anthropic upstream', () => {
    expect(convert({ system: 'Be brief.', messages: [{ role: 'user', content: 'Hi' }] }).messages[0]).toEqual({ role: 'system', content: 'Be brief.' });
    const system = [
      { type: 'text', text: 'A' },
      { type: 'text', text: 'B', cache_control: { type: 'ephemeral' } },
    ];
    expect(convert({ system, messages: [{ role: 'user', content: 'Hi' }] }).messages[0]).toEqual({
      role: 'system',
      content: [
        { type: 'text', text: 'A' },
        { type: 'text', text: 'B' },
      ],
    });
    expect(convert({ system, messages: [{ role: 'user', content: 'Hi' }] }, true).messages[0]).toEqual({
      role: 'system',
      content: [
        { type: 'text', text: 'A' },
        { type: 'text', text: 'B', cache_control: { type: 'ephemeral' } },
      ],
    });
    expect(convert({ system: '', messages: [{ role: 'user', content: 'Hi' }] }).messages).toHaveLength(1);
  });

  it('converts images (base64 and url) and documents (PDF, text, url, file) to image_url and file parts', () => {
    const request = convert({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } },
            { type: 'image', source: { type: 'url', url: 'https://example.com/cat.jpg' } },
            { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: PDF }, title: 'report.pdf' },
            { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'héllo' } },
            { type: 'document', source: { type: 'url', url: 'https://example.com/a.pdf' } },
            { type: 'document', source: { type: 'file', file_id: 'file_123' } },
            { type: 'text', text: 'What are these?' },
          ],
        },
      ],
    });
    expect(request.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } },
          { type: 'image_url', image_url: { url: 'https://example.com/cat.jpg' } },
          { type: 'file', file: { file_data: `data:application/pdf;base64,${PDF}`, filename: 'report.pdf' } },
          { type: 'file', file: { file_data: `data:text/plain;base64,${Buffer.from('héllo').toString('base64')}` } },
          { type: 'file', file: { file_data: 'https://example.com/a.pdf' } },
          { type: 'file', file: { file_id: 'file_123' } },
          { type: 'text', text: 'What are these?' },
        ],
      },
    ]);
  });

  it('keeps cache_control on user parts and tools only for an Anthropic upstream', () => {
    const body = {
      messages: [{ role: 'user', content: [{ type: 'text', text: 'long', cache_control: { type: 'ephemeral' } }] }],
      tools: [{ name: 'f', input_schema: { type: 'object' }, cache_control: { type: 'ephemeral' } }],
    };
    expect(convert(body).messages[0]).toEqual({ role: 'user', content: [{ type: 'text', text: 'long' }] });
    expect(convert(body).tools).toEqual([{ type: 'function', function: { name: 'f', parameters: { type: 'object' } } }]);
    expect(convert(body, true).messages[0]).toEqual({ role: 'user', content: [{ type: 'text', text: 'long', cache_control: { type: 'ephemeral' } }] });
    expect(convert(body, true).tools).toEqual([
      { type: 'function', function: { name: 'f', parameters: { type: 'object' } }, cache_control: { type: 'ephemeral' } },
    ]);
  });

  it('turns tool_use into tool_calls and tool_result into tool messages, in order, keeping text beside them', () => {
    const request = convert({
      messages: [
        { role: 'user', content: 'Weather in Paris and Rome?' },
        {
          role: 'assistant',
          content: [
            { type: 'text', text: 'Checking.' },
            { type: 'tool_use', id: 'toolu_1', name: 'weather', input: { city: 'Paris' } },
            { type: 'tool_use', id: 'toolu_2', name: 'weather', input: { city: 'Rome' } },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'tool_result', tool_use_id: 'toolu_1', content: '18C' },
            { type: 'tool_result', tool_use_id: 'toolu_2', content: [{ type: 'text', text: '25C' }, { type: 'text', text: 'sunny' }] },
            { type: 'text', text: 'Which is warmer?' },
          ],
        },
      ],
    });
    expect(request.messages).toEqual([
      { role: 'user', content: 'Weather in Paris and Rome?' },
      {
        role: 'assistant',
        content: 'Checking.',
        tool_calls: [
          { id: 'toolu_1', type: 'function', function: { name: 'weather', arguments: '{"city":"Paris"}' } },
          { id: 'toolu_2', type: 'function', function: { name: 'weather', arguments: '{"city":"Rome"}' } },
        ],
      },
      { role: 'tool', tool_call_id: 'toolu_1', content: '18C' },
      {
        role: 'tool',
        tool_call_id: 'toolu_2',
        content: [
          { type: 'text', text: '25C' },
          { type: 'text', text: 'sunny' },
        ],
      },
      { role: 'user', content: [{ type: 'text', text: 'Which is warmer?' }] },
    ]);
  });

  it('keeps text written before tool results before them, marks errors, and moves tool result images after the results', () => {
    const request = convert({
      messages: [
        { role: 'user', content: 'Go' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 't1', name: 'shot', input: {} }, { type: 'tool_use', id: 't2', name: 'ls' }] },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Here:' },
            {
              type: 'tool_result',
              tool_use_id: 't1',
              content: [
                { type: 'text', text: 'screenshot' },
                { type: 'image', source: { type: 'base64', media_type: 'image/png', data: PNG } },
              ],
            },
            { type: 'tool_result', tool_use_id: 't2', content: 'permission denied', is_error: true },
            { type: 'tool_result', tool_use_id: 't3' },
          ],
        },
      ],
    });
    expect(request.messages.slice(1)).toEqual([
      {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 't1', type: 'function', function: { name: 'shot', arguments: '{}' } },
          { id: 't2', type: 'function', function: { name: 'ls', arguments: '{}' } },
        ],
      },
      { role: 'user', content: [{ type: 'text', text: 'Here:' }] },
      { role: 'tool', tool_call_id: 't1', content: 'screenshot' },
      {
        role: 'tool',
        tool_call_id: 't2',
        content: [
          { type: 'text', text: 'Error:' },
          { type: 'text', text: 'permission denied' },
        ],
      },
      { role: 'tool', tool_call_id: 't3', content: '' },
      { role: 'user', content: [{ type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } }] },
    ]);
  });

  it('carries thinking blocks as thinking_blocks for an Anthropic upstream, and leaves them out for others without an error', () => {
    const body = {
      messages: [
        { role: 'user', content: 'Think' },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'Hmm', signature: 'sig1' },
            { type: 'redacted_thinking', data: 'opaque' },
            { type: 'text', text: 'Answer' },
          ],
        },
        { role: 'user', content: 'More' },
      ],
    };
    expect(convert(body).messages[1]).toEqual({ role: 'assistant', content: 'Answer' });
    expect(convert(body, true).messages[1]).toEqual({
      role: 'assistant',
      content: 'Answer',
      thinking_blocks: [
        { type: 'thinking', thinking: 'Hmm', signature: 'sig1' },
        { type: 'redacted_thinking', data: 'opaque' },
      ],
    });
  });

  it('does not send a thinking block with an empty signature back to Anthropic, which would refuse it', () => {
    const request = convert(
      {
        messages: [
          { role: 'user', content: 'Think' },
          { role: 'assistant', content: [{ type: 'thinking', thinking: 'from another provider', signature: '' }, { type: 'text', text: 'A' }] },
          { role: 'user', content: 'More' },
        ],
      },
      true,
    );
    expect(request.messages[1]).toEqual({ role: 'assistant', content: 'A' });
  });

  it('keeps several assistant text blocks apart and allows an empty final assistant prefill', () => {
    const request = convert({
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: [{ type: 'text', text: 'A' }, { type: 'text', text: 'B' }] },
        { role: 'user', content: 'Go on' },
        { role: 'assistant', content: [] },
      ],
    });
    expect(request.messages[1]).toEqual({ role: 'assistant', content: [{ type: 'text', text: 'A' }, { type: 'text', text: 'B' }] });
    expect(request.messages[3]).toEqual({ role: 'assistant', content: '' });
  });

  it('converts sampling, stop sequences, stream, metadata, service tier', () => {
    const request = convert({
      messages: [{ role: 'user', content: 'Hi' }],
      temperature: 0.3,
      top_p: 0.9,
      top_k: 40,
      stop_sequences: ['END', '###'],
      stream: true,
      metadata: { user_id: 'user-7' },
      service_tier: 'standard_only',
    });
    expect(request).toEqual({
      model: 'fast',
      max_tokens: 1024,
      messages: [{ role: 'user', content: 'Hi' }],
      temperature: 0.3,
      top_p: 0.9,
      stop: ['END', '###'],
      stream: true,
      user: 'user-7',
      service_tier: 'default',
      extra_body: { top_k: 40 },
    });
    expect(convert({ messages: [{ role: 'user', content: 'Hi' }], stream: false, service_tier: 'auto' })).toEqual({
      ...base,
      messages: [{ role: 'user', content: 'Hi' }],
      service_tier: 'auto',
    });
  });

  it('converts tools and every tool_choice', () => {
    const tools = [{ name: 'get_weather', description: 'Weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } }, strict: true }];
    const messages = [{ role: 'user', content: 'Hi' }];
    expect(convert({ messages, tools }).tools).toEqual([
      { type: 'function', function: { name: 'get_weather', description: 'Weather', parameters: tools[0]?.input_schema, strict: true } },
    ]);
    expect(convert({ messages, tools, tool_choice: { type: 'auto' } }).tool_choice).toBe('auto');
    expect(convert({ messages, tools, tool_choice: { type: 'any' } }).tool_choice).toBe('required');
    expect(convert({ messages, tools, tool_choice: { type: 'none' } }).tool_choice).toBe('none');
    expect(convert({ messages, tools, tool_choice: { type: 'tool', name: 'get_weather' } }).tool_choice).toEqual({
      type: 'function',
      function: { name: 'get_weather' },
    });
    const serial = convert({ messages, tools, tool_choice: { type: 'auto', disable_parallel_tool_use: true } });
    expect(serial.parallel_tool_calls).toBe(false);
    expect(convert({ messages, tools, tool_choice: { type: 'auto', disable_parallel_tool_use: false } }).parallel_tool_calls).toBeUndefined();
  });

  it('maps thinking budgets to the SDK reasoning_effort they contain, and passes thinking unchanged to an Anthropic upstream', () => {
    const messages = [{ role: 'user', content: 'Hi' }];
    const effort = (thinking: unknown, extra: Record<string, unknown> = {}) =>
      convert({ messages, max_tokens: 20000, thinking, ...extra }).reasoning_effort;
    expect(effort({ type: 'enabled', budget_tokens: 1024 })).toBe('low');
    expect(effort({ type: 'enabled', budget_tokens: 2047 })).toBe('low');
    expect(effort({ type: 'enabled', budget_tokens: 2048 })).toBe('medium');
    expect(effort({ type: 'enabled', budget_tokens: 4096 })).toBe('high');
    expect(effort({ type: 'enabled', budget_tokens: 16000 })).toBe('high');
    expect(effort({ type: 'disabled' })).toBeUndefined();
    expect(effort({ type: 'adaptive' })).toBe('medium');
    expect(effort({ type: 'adaptive' }, { output_config: { effort: 'low' } })).toBe('low');
    expect(effort(undefined, { output_config: { effort: 'max' } })).toBe('high');
    const native = convert({ messages, max_tokens: 20000, thinking: { type: 'enabled', budget_tokens: 5000 } }, true);
    expect(native.reasoning_effort).toBeUndefined();
    expect(native.extra_body).toEqual({ thinking: { type: 'enabled', budget_tokens: 5000 } });
  });

  it('turns output_config.format into response_format, and passes output_config to an Anthropic upstream', () => {
    const schema = { type: 'object', properties: { a: { type: 'string' } }, required: ['a'], additionalProperties: false };
    const messages = [{ role: 'user', content: 'Hi' }];
    expect(convert({ messages, output_config: { format: { type: 'json_schema', schema } } }).response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'output', schema },
    });
    const native = convert({ messages, output_config: { format: { type: 'json_schema', schema } } }, true);
    expect(native.response_format).toBeUndefined();
    expect(native.extra_body).toEqual({ output_config: { format: { type: 'json_schema', schema } } });
  });

  it('passes Anthropic-only fields to an Anthropic upstream and refuses them for others', () => {
    const messages = [{ role: 'user', content: 'Hi' }];
    expect(convert({ messages, container: 'c_1', cache_control: { type: 'ephemeral' } }, true).extra_body).toEqual({
      container: 'c_1',
      cache_control: { type: 'ephemeral' },
    });
    rejects({ ...base, messages, container: 'c_1' }, 'container: only Anthropic serves this field, and this model is not routed to Anthropic');
    // Top-level cache_control is only a caching hint: other providers go without it.
    expect(convert({ messages, cache_control: { type: 'ephemeral' } }).extra_body).toBeUndefined();
  });

  it('leaves nothing Anthropic-only in a request for another provider', () => {
    const request = convert({
      system: [{ type: 'text', text: 'S', cache_control: { type: 'ephemeral' } }],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Hi', cache_control: { type: 'ephemeral', ttl: '1h' } }] },
        {
          role: 'assistant',
          content: [
            { type: 'thinking', thinking: 'T', signature: 'secret-signature' },
            { type: 'redacted_thinking', data: 'opaque' },
            { type: 'tool_use', id: 't', name: 'f', input: {} },
          ],
        },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 't', content: 'ok', cache_control: { type: 'ephemeral' } }] },
      ],
      tools: [{ name: 'f', input_schema: { type: 'object' }, cache_control: { type: 'ephemeral' } }],
      thinking: { type: 'enabled', budget_tokens: 1024 },
      cache_control: { type: 'ephemeral' },
      max_tokens: 4000,
    });
    const text = JSON.stringify(request);
    for (const word of ['cache_control', 'thinking', 'signature', 'opaque', 'ephemeral']) expect(text).not.toContain(word);
    expect(request.reasoning_effort).toBe('low');
  });

  describe('rejects bad input naming the field', () => {
    const messages = [{ role: 'user', content: 'Hi' }];
    it.each([
      [null, 'body: must be an object'],
      [{ max_tokens: 10, messages }, 'model: must be a non-empty string'],
      [{ model: 'fast', messages }, 'max_tokens: field required'],
      [{ model: 'fast', max_tokens: 1.5, messages }, 'max_tokens: must be an integer of at least 0'],
      [{ model: 'fast', max_tokens: 10 }, 'messages: field required'],
      [{ ...base, messages: [] }, 'messages: must contain at least one message'],
      [{ ...base, messages: 'Hi' }, 'messages: must be an array'],
      [{ ...base, messages: [{ role: 'system', content: 'x' }] }, 'messages[0].role: must be "user" or "assistant", not "system"'],
      [{ ...base, messages: [{ role: 'user', content: '' }] }, 'messages[0].content: must not be empty'],
      [{ ...base, messages: [{ role: 'user', content: [] }] }, 'messages[0].content: must not be empty'],
      [
        { ...base, messages: [{ role: 'user', content: 'a' }, { role: 'assistant', content: [] }, { role: 'user', content: 'b' }] },
        'messages[1].content: must not be empty',
      ],
      [
        { ...base, messages: [messages[0], messages[0], { role: 'user', content: [{ type: 'foo' }] }] },
        'messages[2].content[0].type: unknown block type "foo"',
      ],
      [{ ...base, messages: [{ role: 'assistant', content: [{ type: 'foo' }] }] }, 'messages[0].content[0].type: unknown block type "foo"'],
      [{ ...base, messages: [{ role: 'user', content: [{ text: 'x' }] }] }, 'messages[0].content[0].type: must be a string'],
      [{ ...base, messages: [{ role: 'user', content: [{ type: 'text' }] }] }, 'messages[0].content[0].text: must be a string'],
      [
        { ...base, messages: [{ role: 'user', content: [{ type: 'tool_use', id: 'a', name: 'b', input: {} }] }] },
        'messages[0].content[0].type: a "tool_use" block belongs in an assistant turn',
      ],
      [
        { ...base, messages: [{ role: 'assistant', content: [{ type: 'tool_result', tool_use_id: 'a' }] }] },
        'messages[0].content[0].type: a "tool_result" block belongs in a user turn',
      ],
      [
        { ...base, messages: [{ role: 'assistant', content: [{ type: 'tool_use', id: 'a', name: 'b', input: 'x' }] }] },
        'messages[0].content[0].input: must be an object',
      ],
      [
        { ...base, messages: [{ role: 'assistant', content: [{ type: 'tool_use', name: 'b', input: {} }] }] },
        'messages[0].content[0].id: must be a non-empty string',
      ],
      [{ ...base, messages: [{ role: 'user', content: [{ type: 'tool_result' }] }] }, 'messages[0].content[0].tool_use_id: must be a non-empty string'],
      [
        { ...base, messages: [{ role: 'user', content: [{ type: 'tool_result', tool_use_id: 't', content: [{ type: 'bar' }] }] }] },
        'messages[0].content[0].content[0].type: unknown block type "bar"',
      ],
      [
        { ...base, messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'file', file_id: 'f' } }] }] },
        'messages[0].content[0].source.type: unsupported image source type "file" (use base64 or url)',
      ],
      [
        { ...base, messages: [{ role: 'user', content: [{ type: 'image', source: { type: 'base64', data: PNG } }] }] },
        'messages[0].content[0].source.media_type: must be a non-empty string',
      ],
      [
        { ...base, messages: [{ role: 'user', content: [{ type: 'document', source: { type: 'content', content: [] } }] }] },
        'messages[0].content[0].source.type: unsupported document source type "content" (use base64, text, url or file)',
      ],
      [
        { ...base, messages: [{ role: 'assistant', content: [{ type: 'thinking', thinking: 'x' }] }] },
        'messages[0].content[0].signature: must be a string',
      ],
      [{ ...base, messages, system: [{ type: 'image' }] }, 'system[0].type: system blocks must be "text", not "image"'],
      [{ ...base, messages, temperature: 1.5 }, 'temperature: must be a number from 0 to 1'],
      [{ ...base, messages, top_p: -0.1 }, 'top_p: must be a number from 0 to 1'],
      [{ ...base, messages, top_k: -1 }, 'top_k: must be an integer of at least 0'],
      [{ ...base, messages, stop_sequences: 'END' }, 'stop_sequences: must be an array'],
      [{ ...base, messages, stop_sequences: ['a', 3] }, 'stop_sequences[1]: must be a string'],
      [{ ...base, messages, stream: 'yes' }, 'stream: must be a boolean'],
      [{ ...base, messages, metadata: { user_id: 'u', team: 'x' } }, 'metadata.team: unknown field (metadata takes user_id only)'],
      [{ ...base, messages, service_tier: 'priority' }, 'service_tier: must be "auto" or "standard_only", not "priority"'],
      [{ ...base, messages, tools: [{ name: 'f' }] }, 'tools[0].input_schema: must be an object'],
      [
        { ...base, messages, tools: [{ type: 'web_search_20250305', name: 'web_search' }] },
        'tools[0].type: Anthropic server tool "web_search_20250305" is not available through the gateway; only client tools (name, description, input_schema) are',
      ],
      [{ ...base, messages, tool_choice: { type: 'required' } }, 'tool_choice.type: must be "auto", "any", "tool" or "none", not "required"'],
      [{ ...base, messages, tool_choice: { type: 'tool' } }, 'tool_choice.name: must be a non-empty string'],
      [{ ...base, messages, thinking: { type: 'enabled', budget_tokens: 500 } }, 'thinking.budget_tokens: must be an integer of at least 1024'],
      [{ ...base, messages, thinking: { type: 'enabled', budget_tokens: 2048 } }, 'thinking.budget_tokens: must be less than max_tokens (1024)'],
      [{ ...base, messages, thinking: { type: 'on' } }, 'thinking.type: must be "enabled", "adaptive" or "disabled", not "on"'],
      [{ ...base, messages, output_config: { effort: 'huge' } }, 'output_config.effort: must be one of low, medium, high, xhigh, max, not "huge"'],
      [{ ...base, messages, output_config: { effort: 'constructor' } }, 'output_config.effort: must be one of low, medium, high, xhigh, max, not "constructor"'],
      [{ ...base, messages, output_config: { format: { type: 'json_object' } } }, 'output_config.format.type: must be "json_schema", not "json_object"'],
      [{ ...base, messages, frequency_penalty: 1 }, 'frequency_penalty: unknown field (not part of the Anthropic Messages API the gateway serves)'],
    ])('%j', (body, message) => rejects(body, message));
  });
});
