import { describe, expect, it } from 'vitest';
import type { ChatCompletionRequest } from '../../../generated/types/index.js';
import { convertAnthropicChatRequest, DEFAULT_MAX_TOKENS } from '../../../src/dialects/anthropic/convert-anthropic-chat-request.js';
import { anthropicProvider } from '../../../generated/providers/anthropic.js';
import { anthropicDialect } from '../../../src/dialects/anthropic/anthropic-dialect.js';
import { zaiAnthropicProvider } from '../../../generated/providers/zai-anthropic.js';
import { resolveModelInfo } from '../../../src/catalog/resolve-model-info.js';
import { createAnthropicTestRoute } from './anthropic-test-route.js';

// A model the catalogue does not list, so a missing max_tokens comes from the registry default here;
// the catalogue's output limits have their own tests at the end.
const route = createAnthropicTestRoute({ model: 'claude-unlisted-test' });
// Through the dialect, so the registry entry's quirks apply as they do on a real call.
const convert = (request: Omit<ChatCompletionRequest, 'model'>, stream = false) =>
  anthropicDialect.convertChatRequest({ model: 'anthropic/claude-unlisted-test', ...request } as ChatCompletionRequest, route, stream);

describe('convertAnthropicChatRequest', () => {
  it('builds the documented "Hello, world" request', () => {
    const wire = convert({ messages: [{ role: 'user', content: 'Hello, world' }], max_tokens: 1024 });
    expect(wire).toEqual({
      endpoint: 'chat',
      method: 'POST',
      path: '/messages',
      body: { model: 'claude-unlisted-test', max_tokens: 1024, messages: [{ role: 'user', content: 'Hello, world' }] },
      warnings: [],
    });
  });

  it('fills the required max_tokens from the registry default, else from the dialect default', () => {
    expect(convert({ messages: [{ role: 'user', content: 'Hi' }] }).body?.max_tokens).toBe(4096);
    expect(convert({ messages: [{ role: 'user', content: 'Hi' }], max_completion_tokens: 300 }).body?.max_tokens).toBe(300);
    const bare = createAnthropicTestRoute({
      model: 'claude-unlisted-test',
      definition: { ...anthropicProvider, quirks: { ...anthropicProvider.quirks, defaultParams: {} } },
    });
    const wire = convertAnthropicChatRequest({ model: 'm', messages: [{ role: 'user', content: 'Hi' }] }, bare, false);
    expect(wire.body?.max_tokens).toBe(DEFAULT_MAX_TOKENS);
  });

  it('puts system and developer messages into the top-level system as text blocks', () => {
    const wire = convert({
      messages: [
        { role: 'system', content: 'You are a seasoned data scientist.' },
        { role: 'developer', content: [{ type: 'text', text: 'Answer in JSON.' }] },
        { role: 'user', content: 'Analyze this dataset.' },
      ],
    });
    expect(wire.body?.system).toEqual([
      { type: 'text', text: 'You are a seasoned data scientist.' },
      { type: 'text', text: 'Answer in JSON.' },
    ]);
    expect(wire.body?.messages).toEqual([{ role: 'user', content: 'Analyze this dataset.' }]);
    expect(wire.warnings).toEqual([]);
  });

  it('passes cache_control on system text parts through and says when a late system message moves up', () => {
    const cached = { type: 'text', text: 'Long reference text', cache_control: { type: 'ephemeral' } };
    const wire = convert({
      messages: [
        { role: 'system', content: [cached as { type: 'text'; text: string }] },
        { role: 'user', content: 'Hi' },
        { role: 'system', content: 'Be brief from now on.' },
      ],
    });
    expect(wire.body?.system).toEqual([cached, { type: 'text', text: 'Be brief from now on.' }]);
    expect(wire.warnings).toEqual(['moved messages[2] (system) into the top-level system prompt: Anthropic has no system turns']);
  });

  it('converts a tool-use round trip into the documented tool_use and tool_result blocks', () => {
    const wire = convert({
      messages: [
        { role: 'user', content: 'What is the weather like in San Francisco?' },
        {
          role: 'assistant',
          content: '<thinking>I need to use get_weather, and the user wants SF, which is likely San Francisco, CA.</thinking>',
          tool_calls: [
            {
              id: 'toolu_01A09q90qw90lq917835lq9',
              type: 'function',
              function: { name: 'get_weather', arguments: '{"location":"San Francisco, CA","unit":"celsius"}' },
            },
          ],
        },
        { role: 'tool', tool_call_id: 'toolu_01A09q90qw90lq917835lq9', content: '15 degrees' },
      ],
    });
    expect(wire.body?.messages).toEqual([
      { role: 'user', content: 'What is the weather like in San Francisco?' },
      {
        role: 'assistant',
        content: [
          { type: 'text', text: '<thinking>I need to use get_weather, and the user wants SF, which is likely San Francisco, CA.</thinking>' },
          { type: 'tool_use', id: 'toolu_01A09q90qw90lq917835lq9', name: 'get_weather', input: { location: 'San Francisco, CA', unit: 'celsius' } },
        ],
      },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_01A09q90qw90lq917835lq9', content: '15 degrees' }] },
    ]);
  });

  it('merges consecutive same-role messages, tool results first in the user turn', () => {
    const wire = convert({
      messages: [
        { role: 'user', content: 'Weather in Paris and Rome?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'toolu_1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
            { id: 'toolu_2', type: 'function', function: { name: 'get_weather', arguments: '' } },
          ],
        },
        { role: 'tool', tool_call_id: 'toolu_1', content: [{ type: 'text', text: '18C' }] },
        { role: 'tool', tool_call_id: 'toolu_2', content: '21C' },
        { role: 'user', content: 'And tomorrow?' },
        { role: 'user', content: 'Keep it short.' },
      ],
    });
    expect(wire.body?.messages).toEqual([
      { role: 'user', content: 'Weather in Paris and Rome?' },
      {
        role: 'assistant',
        content: [
          { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: { city: 'Paris' } },
          { type: 'tool_use', id: 'toolu_2', name: 'get_weather', input: {} },
        ],
      },
      {
        role: 'user',
        content: [
          { type: 'tool_result', tool_use_id: 'toolu_1', content: [{ type: 'text', text: '18C' }] },
          { type: 'tool_result', tool_use_id: 'toolu_2', content: '21C' },
          { type: 'text', text: 'And tomorrow?' },
          { type: 'text', text: 'Keep it short.' },
        ],
      },
    ]);
  });

  it('rejects tool call arguments that are not JSON, naming the field', () => {
    expect(() =>
      convert({
        messages: [
          { role: 'user', content: 'x' },
          { role: 'assistant', tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: '{oops' } }] },
        ],
      }),
    ).toThrow(/messages\[1\]\.tool_calls\[0\]\.function\.arguments is not valid JSON/);
  });

  it('sends thinking_blocks of an earlier assistant turn back before its tool_use blocks', () => {
    const assistant = {
      role: 'assistant' as const,
      content: null,
      thinking_blocks: [{ type: 'thinking', thinking: 'I should call the tool.', signature: 'sig-1' }, { type: 'redacted_thinking', data: 'abc' }],
      tool_calls: [{ id: 'toolu_1', type: 'function' as const, function: { name: 'get_weather', arguments: '{}' } }],
    };
    const wire = convert({ messages: [{ role: 'user', content: 'x' }, assistant, { role: 'tool', tool_call_id: 'toolu_1', content: 'ok' }] });
    expect((wire.body?.messages as Array<{ content: unknown }>)[1]?.content).toEqual([
      { type: 'thinking', thinking: 'I should call the tool.', signature: 'sig-1' },
      { type: 'redacted_thinking', data: 'abc' },
      { type: 'tool_use', id: 'toolu_1', name: 'get_weather', input: {} },
    ]);
  });

  it('converts images and documents into the documented source shapes', () => {
    const wire = convert({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'image_url', image_url: { url: 'data:image/jpeg;base64,/9j/4AAQSkZJRg==' } },
            { type: 'image_url', image_url: { url: 'https://upload.wikimedia.org/wikipedia/commons/a/a7/Camponotus_flavomarginatus_ant.jpg' } },
            { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0xLjQK', filename: 'report.pdf' } },
            { type: 'file', file: { file_data: 'https://assets.anthropic.com/m/1cd9d098ac3e6467/original/Claude-3-Model-Card-October-Addendum.pdf' } },
            { type: 'file', file: { file_data: 'data:text/plain;base64,SGVsbG8sIHdvcmxk', filename: 'note.txt' } },
            { type: 'text', text: 'Describe these.' },
          ],
        },
      ],
    });
    expect(wire.body?.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'image', source: { type: 'base64', media_type: 'image/jpeg', data: '/9j/4AAQSkZJRg==' } },
          { type: 'image', source: { type: 'url', url: 'https://upload.wikimedia.org/wikipedia/commons/a/a7/Camponotus_flavomarginatus_ant.jpg' } },
          { type: 'document', source: { type: 'base64', media_type: 'application/pdf', data: 'JVBERi0xLjQK' }, title: 'report.pdf' },
          { type: 'document', source: { type: 'url', url: 'https://assets.anthropic.com/m/1cd9d098ac3e6467/original/Claude-3-Model-Card-October-Addendum.pdf' } },
          { type: 'document', source: { type: 'text', media_type: 'text/plain', data: 'Hello, world' }, title: 'note.txt' },
          { type: 'text', text: 'Describe these.' },
        ],
      },
    ]);
    expect(wire.headers).toBeUndefined();
  });

  it('sends an uploaded file_id with the Files API beta header, merged with a configured beta', () => {
    const message = { role: 'user' as const, content: [{ type: 'file' as const, file: { file_id: 'file_011CNha8iCJcU1wXNR6q4V8w' } }] };
    const wire = convert({ messages: [message] });
    expect((wire.body?.messages as Array<{ content: unknown }>)[0]?.content).toEqual([
      { type: 'document', source: { type: 'file', file_id: 'file_011CNha8iCJcU1wXNR6q4V8w' } },
    ]);
    expect(wire.headers).toEqual({ 'anthropic-beta': 'files-api-2025-04-14' });
    const configured = createAnthropicTestRoute({ headers: { 'anthropic-beta': 'context-1m-2025-08-07' } });
    const merged = convertAnthropicChatRequest({ model: 'm', messages: [message] }, configured, false);
    expect(merged.headers).toEqual({ 'anthropic-beta': 'context-1m-2025-08-07,files-api-2025-04-14' });
  });

  it('warns about an image detail it cannot express and rejects audio input by field', () => {
    const wire = convert({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://x.test/a.png', detail: 'low' } }] }] });
    expect(wire.warnings).toEqual(['dropped "messages[0].content[0].image_url.detail": Anthropic has no image detail setting']);
    expect(() =>
      convert({ messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'AAAA', format: 'wav' } }] }] }),
    ).toThrow('messages[0].content[0]: Anthropic does not accept audio input (input_audio)');
    expect(() => convert({ messages: [{ role: 'user', content: [{ type: 'file', file: { file_data: 'data:application/zip;base64,UEsD' } }] }] })).toThrow(
      /accepts images, PDFs and plain text, not application\/zip/,
    );
  });

  it('passes cache_control on user content parts through', () => {
    const part = { type: 'text', text: 'A long document', cache_control: { type: 'ephemeral', ttl: '1h' } };
    const wire = convert({ messages: [{ role: 'user', content: [part as { type: 'text'; text: string }] }] });
    expect(wire.body?.messages).toEqual([{ role: 'user', content: [part] }]);
  });

  it('maps stop, sampling and user, and merges extra_body last', () => {
    const wire = convert({
      messages: [{ role: 'user', content: 'Hi' }],
      stop: 'END',
      temperature: 0.5,
      top_p: 0.9,
      user: 'user-1234',
      extra_body: { top_k: 5, system: [{ type: 'text', text: 'cached', cache_control: { type: 'ephemeral' } }], temperature: 0.1 },
    });
    expect(wire.body).toEqual({
      model: 'claude-unlisted-test',
      max_tokens: 4096,
      messages: [{ role: 'user', content: 'Hi' }],
      stop_sequences: ['END'],
      temperature: 0.1,
      top_p: 0.9,
      metadata: { user_id: 'user-1234' },
      top_k: 5,
      system: [{ type: 'text', text: 'cached', cache_control: { type: 'ephemeral' } }],
    });
  });

  it('clamps a temperature above Anthropic’s range and reports every parameter it cannot send', () => {
    const wire = convert({
      messages: [{ role: 'user', content: 'Hi' }],
      temperature: 1.5,
      seed: 7,
      presence_penalty: 0.5,
      logprobs: false,
      metadata: { team: 'a' },
      service_tier: 'flex',
      top_k: 3,
    } as Omit<ChatCompletionRequest, 'model'>);
    expect(wire.body?.temperature).toBe(1);
    expect(wire.body).not.toHaveProperty('seed');
    expect(wire.body).not.toHaveProperty('top_k');
    expect(wire.warnings).toEqual([
      'dropped "logprobs": the provider does not accept it',
      'dropped "presence_penalty": the provider does not accept it',
      'dropped "seed": the provider does not accept it',
      'dropped "metadata": the Anthropic Messages API has no equivalent',
      'dropped "top_k": not an OpenAI chat parameter; pass provider-specific parameters in extra_body',
      'changed "temperature" from 1.5 to 1: Anthropic\'s maximum',
      'dropped "service_tier": Anthropic has no "flex" tier (only auto and standard_only)',
    ]);
  });

  it('maps reasoning_effort to thinking, keeps max_tokens above the budget and drops sampling', () => {
    const wire = convert({ messages: [{ role: 'user', content: 'Hi' }], reasoning_effort: 'high', temperature: 0.3, top_p: 0.8 });
    expect(wire.body).toMatchObject({ max_tokens: 4096 + 4096, thinking: { type: 'enabled', budget_tokens: 4096 } });
    expect(wire.body).not.toHaveProperty('temperature');
    expect(wire.body).not.toHaveProperty('top_p');
    expect(wire.warnings).toEqual([
      'dropped "temperature": Anthropic does not allow it with extended thinking',
      'dropped "top_p": Anthropic does not allow it with extended thinking',
    ]);
    const none = convert({ messages: [{ role: 'user', content: 'Hi' }], reasoning_effort: 'none', temperature: 0.3 });
    expect(none.body).toMatchObject({ thinking: { type: 'disabled' }, temperature: 0.3, max_tokens: 4096 });
  });

  it('treats thinking given in extra_body as thinking for the sampling rules', () => {
    const wire = convert({ messages: [{ role: 'user', content: 'Hi' }], temperature: 0.3, extra_body: { thinking: { type: 'enabled', budget_tokens: 10000 } } });
    expect(wire.body).toMatchObject({ thinking: { type: 'enabled', budget_tokens: 10000 } });
    expect(wire.body).not.toHaveProperty('temperature');
  });

  it('emulates response_format json_schema with the forced json_response tool', () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
    const wire = convert({
      messages: [{ role: 'user', content: 'Capital of France as JSON' }],
      response_format: { type: 'json_schema', json_schema: { name: 'capital', schema } },
    });
    expect(wire.body?.tools).toEqual([
      { name: 'json_response', description: 'Respond with a JSON object matching the "capital" schema.', input_schema: schema },
    ]);
    expect(wire.body?.tool_choice).toEqual({ type: 'tool', name: 'json_response', disable_parallel_tool_use: true });
  });

  it('adds stream: true for streams and nothing for stream_options', () => {
    const wire = convert({ messages: [{ role: 'user', content: 'Hi' }], stream_options: { include_usage: true } }, true);
    expect(wire.body).toEqual({ model: 'claude-unlisted-test', max_tokens: 4096, messages: [{ role: 'user', content: 'Hi' }], stream: true });
  });

  it('needs a user or assistant message besides the system prompt', () => {
    expect(() => convert({ messages: [{ role: 'system', content: 'Only rules' }] })).toThrow(/at least one user or assistant message/);
  });

  it('supports legacy functions and function_call messages as tools', () => {
    const wire = convert({
      messages: [
        { role: 'user', content: 'Weather?' },
        { role: 'assistant', content: null, function_call: { name: 'get_weather', arguments: '{"city":"Oslo"}' } },
        { role: 'function', name: 'get_weather', content: '-3C' },
      ],
      functions: [{ name: 'get_weather', parameters: { type: 'object', properties: { city: { type: 'string' } } } }],
      function_call: 'auto',
    });
    expect(wire.body?.tools).toEqual([{ name: 'get_weather', input_schema: { type: 'object', properties: { city: { type: 'string' } } } }]);
    expect(wire.body?.tool_choice).toEqual({ type: 'auto' });
    expect(wire.body?.messages).toEqual([
      { role: 'user', content: 'Weather?' },
      { role: 'assistant', content: [{ type: 'tool_use', id: 'call_legacy_1', name: 'get_weather', input: { city: 'Oslo' } }] },
      { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'call_legacy_1', content: '-3C' }] },
    ]);
  });

  describe('with a model the catalogue knows', () => {
    const listed = createAnthropicTestRoute({ model: 'claude-sonnet-4-5' });
    const convertListed = (request: Omit<ChatCompletionRequest, 'model'>) =>
      anthropicDialect.convertChatRequest({ model: 'anthropic/claude-sonnet-4-5', ...request } as ChatCompletionRequest, listed, false);

    it('defaults max_tokens to the model output limit (64000 for claude-sonnet-4-5) over the registry default', () => {
      expect(resolveModelInfo('anthropic/claude-sonnet-4-5')?.maxOutputTokens).toBe(64_000);
      expect(convertListed({ messages: [{ role: 'user', content: 'Hi' }] }).body?.max_tokens).toBe(64_000);
      // The caller's limit still wins.
      expect(convertListed({ messages: [{ role: 'user', content: 'Hi' }], max_tokens: 500 }).body?.max_tokens).toBe(500);
      expect(convertListed({ messages: [{ role: 'user', content: 'Hi' }], max_completion_tokens: 700 }).body?.max_tokens).toBe(700);
    });

    it('keeps a thinking budget inside the model limit instead of growing past it', () => {
      const wire = convertListed({ messages: [{ role: 'user', content: 'Hi' }], reasoning_effort: 'high' });
      expect(wire.body).toMatchObject({ max_tokens: 64_000, thinking: { type: 'enabled', budget_tokens: 4096 } });
      expect(wire.warnings).toEqual([]);
    });

    it('uses the limit of an Anthropic-compatible endpoint from its vendor catalogue', () => {
      const zai = createAnthropicTestRoute({ model: 'glm-4.6', definition: zaiAnthropicProvider });
      const limit = resolveModelInfo('zai/glm-4.6')?.maxOutputTokens;
      expect(limit).toBeGreaterThan(4096);
      const wire = anthropicDialect.convertChatRequest({ model: 'zai_anthropic/glm-4.6', messages: [{ role: 'user', content: 'Hi' }] }, zai, false);
      expect(wire.body?.max_tokens).toBe(limit);
    });
  });
});
