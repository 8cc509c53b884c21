import { describe, expect, it } from 'vitest';
import type { ChatCompletionRequest } from '../../../generated/types/index.js';
import { convertBedrockChatRequest } from '../../../src/dialects/bedrock/convert-bedrock-chat-request.js';
import { isLiterLlmError } from '../../../src/index.js';
import { bedrockRoute } from './bedrock-route.js';
import { resolveModelInfo } from '../../../src/catalog/resolve-model-info.js';

const CLAUDE = 'anthropic.claude-3-5-sonnet-20240620-v1:0';
const PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const PDF = 'JVBERi0xLjQKJcfsj6IKMSAwIG9iago8PD4+CmVuZG9iagp0cmFpbGVyCjw8Pj4KJSVFT0YK';
const weather = {
  type: 'function' as const,
  function: {
    name: 'top_song',
    description: 'Get the most popular song played on a radio station.',
    parameters: {
      type: 'object',
      properties: { sign: { type: 'string', description: 'The call sign for the radio station, for example WZPZ.' } },
      required: ['sign'],
    },
  },
};

function convert(request: Omit<ChatCompletionRequest, 'model'>, model = CLAUDE, stream = false) {
  return convertBedrockChatRequest({ model: `bedrock/${model}`, ...request }, bedrockRoute(model), stream);
}

function rejection(action: () => unknown): Error & { kind?: string } {
  try {
    action();
  } catch (error) {
    expect(isLiterLlmError(error)).toBe(true);
    return error as Error & { kind?: string };
  }
  throw new Error('expected the conversion to throw');
}

describe('convertBedrockChatRequest', () => {
  it('builds the documented Converse body for system, developer and user messages with inference settings', () => {
    const wire = convert({
      messages: [
        { role: 'system', content: 'You are an app that creates playlists for a radio station that plays rock and pop music.' },
        { role: 'developer', content: [{ type: 'text', text: 'Only return song names and the artist.' }] },
        { role: 'user', content: 'Create a list of 3 pop songs.' },
      ],
      max_completion_tokens: 512,
      temperature: 0.5,
      top_p: 0.9,
      stop: 'END',
    });
    expect(wire).toEqual({
      endpoint: 'chat',
      method: 'POST',
      path: '/model/{model}/converse',
      body: {
        system: [
          { text: 'You are an app that creates playlists for a radio station that plays rock and pop music.' },
          { text: 'Only return song names and the artist.' },
        ],
        messages: [{ role: 'user', content: [{ text: 'Create a list of 3 pop songs.' }] }],
        inferenceConfig: { maxTokens: 512, temperature: 0.5, topP: 0.9, stopSequences: ['END'] },
      },
      warnings: [],
    });
  });

  it('streams to converse-stream and asks for an AWS event stream', () => {
    const wire = convert({ messages: [{ role: 'user', content: 'Hi' }] }, CLAUDE, true);
    expect(wire.path).toBe('/model/{model}/converse-stream');
    expect(wire.headers).toEqual({ accept: 'application/vnd.amazon.eventstream' });
    expect(wire.body).not.toHaveProperty('stream');
  });

  it('carries a multi-turn tool conversation as toolUse and toolResult blocks, merging consecutive user turns', () => {
    const wire = convert({
      messages: [
        { role: 'user', content: 'What is the most popular song on WZPZ?' },
        {
          role: 'assistant',
          content: 'Let me look that up.',
          tool_calls: [{ id: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q', type: 'function', function: { name: 'top_song', arguments: '{"sign":"WZPZ"}' } }],
        },
        { role: 'tool', tool_call_id: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q', content: '{"song":"Elemental Hotel","artist":"8 Storey Hike"}' },
        { role: 'user', content: 'And who sings it?' },
      ],
      tools: [weather],
    });
    expect(wire.body).toEqual({
      messages: [
        { role: 'user', content: [{ text: 'What is the most popular song on WZPZ?' }] },
        {
          role: 'assistant',
          content: [{ text: 'Let me look that up.' }, { toolUse: { toolUseId: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q', name: 'top_song', input: { sign: 'WZPZ' } } }],
        },
        {
          role: 'user',
          content: [
            { toolResult: { toolUseId: 'tooluse_kZJMlvQmRJ6eAyJE5GIl7Q', content: [{ text: '{"song":"Elemental Hotel","artist":"8 Storey Hike"}' }] } },
            { text: 'And who sings it?' },
          ],
        },
      ],
      toolConfig: {
        tools: [
          {
            toolSpec: {
              name: 'top_song',
              description: 'Get the most popular song played on a radio station.',
              inputSchema: { json: weather.function.parameters },
            },
          },
        ],
      },
    });
  });

  it('merges consecutive assistant turns and skips empty text', () => {
    const wire = convert({
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'One.' },
        { role: 'assistant', content: '' },
        { role: 'assistant', content: [{ type: 'text', text: 'Two.' }] },
      ],
    });
    expect(wire.body?.messages).toEqual([
      { role: 'user', content: [{ text: 'Hi' }] },
      { role: 'assistant', content: [{ text: 'One.' }, { text: 'Two.' }] },
    ]);
  });

  it('sends base64 images, s3 images and PDF documents as Converse blocks', () => {
    const wire = convert({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Compare these.' },
            { type: 'image_url', image_url: { url: `data:image/png;base64,${PNG}` } },
            { type: 'image_url', image_url: { url: 's3://my-bucket/photos/cat.jpg' } },
            { type: 'file', file: { filename: 'Q3 report.v2.pdf', file_data: `data:application/pdf;base64,${PDF}` } },
            { type: 'file', file: { filename: 'notes.md', file_id: 's3://my-bucket/notes.md' } },
          ],
        },
      ],
    });
    expect(wire.body?.messages).toEqual([
      {
        role: 'user',
        content: [
          { text: 'Compare these.' },
          { image: { format: 'png', source: { bytes: PNG } } },
          { image: { format: 'jpeg', source: { s3Location: { uri: 's3://my-bucket/photos/cat.jpg' } } } },
          { document: { format: 'pdf', name: 'Q3 report-v2', source: { bytes: PDF } } },
          { document: { format: 'md', name: 'notes', source: { s3Location: { uri: 's3://my-bucket/notes.md' } } } },
        ],
      },
    ]);
  });

  it('gives unnamed documents distinct neutral names', () => {
    const part = { type: 'file' as const, file: { file_data: `data:application/pdf;base64,${PDF}` } };
    const wire = convert({ messages: [{ role: 'user', content: [part, part] }] });
    const names = (wire.body?.messages as Array<{ content: Array<{ document: { name: string } }> }>)[0]?.content.map((block) => block.document.name);
    expect(names).toEqual(['document', 'document (2)']);
  });

  it('rejects http image URLs, which Bedrock does not fetch, naming the field', () => {
    const error = rejection(() =>
      convert({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }] }] }),
    );
    expect(error.kind).toBe('BadRequest');
    expect(error.message).toContain('messages[0].content[0].image_url.url');
    expect(error.message).toContain('data URL');
  });

  it('rejects unsupported media and audio with the field named', () => {
    expect(rejection(() => convert({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'data:image/bmp;base64,Qk0=' } }] }] })).message).toContain(
      'not image/bmp',
    );
    expect(rejection(() => convert({ messages: [{ role: 'user', content: [{ type: 'input_audio', input_audio: { data: 'UklGR', format: 'wav' } }] }] })).message).toContain(
      'messages[0].content[0]',
    );
    expect(rejection(() => convert({ messages: [{ role: 'user', content: [{ type: 'file', file: { file_id: 'file-abc123' } }] }] })).message).toContain(
      'Bedrock has no file ids',
    );
    expect(
      rejection(() =>
        convert({
          messages: [
            { role: 'assistant', content: null, tool_calls: [{ id: 't', type: 'function', function: { name: 'f', arguments: '{oops' } }] },
          ],
        }),
      ).message,
    ).toContain('messages[0].tool_calls[0].function.arguments');
  });

  it('maps every tool_choice form', () => {
    const base = { messages: [{ role: 'user' as const, content: 'Hi' }], tools: [weather] };
    const choiceOf = (tool_choice: ChatCompletionRequest['tool_choice']) =>
      (convert({ ...base, tool_choice }).body?.toolConfig as { toolChoice?: unknown } | undefined)?.toolChoice;
    expect(choiceOf(undefined)).toBeUndefined();
    expect(choiceOf('auto')).toEqual({ auto: {} });
    expect(choiceOf('required')).toEqual({ any: {} });
    expect(choiceOf({ type: 'function', function: { name: 'top_song' } })).toEqual({ tool: { name: 'top_song' } });
    expect(rejection(() => convert({ ...base, tool_choice: { type: 'function', function: { name: 'missing' } } })).message).toContain('"missing"');
  });

  it('tool_choice "none" leaves the tools out, with a warning, unless earlier turns used tools', () => {
    const plain = convert({ messages: [{ role: 'user', content: 'Hi' }], tools: [weather], tool_choice: 'none' });
    expect(plain.body).not.toHaveProperty('toolConfig');
    expect(plain.warnings).toEqual(['tool_choice "none" has no Converse form; the tools were left out of the request']);
    const history = convert({
      messages: [
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: null, tool_calls: [{ id: 't1', type: 'function', function: { name: 'top_song', arguments: '{}' } }] },
        { role: 'tool', tool_call_id: 't1', content: 'ok' },
      ],
      tools: [weather],
      tool_choice: 'none',
    });
    expect(history.body?.toolConfig).toEqual({ tools: [expect.objectContaining({ toolSpec: expect.objectContaining({ name: 'top_song' }) })] });
    expect(history.warnings[0]).toContain('stay available');
  });

  it('emulates response_format json_schema with a forced tool', () => {
    const schema = { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] };
    const wire = convert({
      messages: [{ role: 'user', content: 'Where is the Eiffel Tower?' }],
      response_format: { type: 'json_schema', json_schema: { name: 'place', description: 'A place', schema } },
    });
    expect(wire.body?.toolConfig).toEqual({
      tools: [{ toolSpec: { name: 'respond_in_json', description: 'A place', inputSchema: { json: schema } } }],
      toolChoice: { tool: { name: 'respond_in_json' } },
    });
    const object = convert({ messages: [{ role: 'user', content: 'JSON please' }], response_format: { type: 'json_object' } });
    expect(object.body?.toolConfig).toMatchObject({ tools: [{ toolSpec: { inputSchema: { json: { type: 'object' } } } }], toolChoice: { tool: { name: 'respond_in_json' } } });
    const withTools = convert({ messages: [{ role: 'user', content: 'Hi' }], tools: [weather], response_format: { type: 'json_object' } });
    expect(withTools.body?.toolConfig).toMatchObject({ toolChoice: { any: {} } });
    expect(rejection(() => convert({ messages: [{ role: 'user', content: 'Hi' }], tools: [{ type: 'function', function: { name: 'respond_in_json' } }] })).message).toContain('reserved');
  });

  it('maps reasoning_effort to an Anthropic thinking budget, dropping what thinking refuses', () => {
    const wire = convert({ messages: [{ role: 'user', content: 'Hi' }], reasoning_effort: 'medium', temperature: 0.3, tools: [weather], tool_choice: 'required' });
    expect(wire.body).toMatchObject({
      additionalModelRequestFields: { thinking: { type: 'enabled', budget_tokens: 8192 } },
      inferenceConfig: { maxTokens: 8192 + 4096 },
      toolConfig: { toolChoice: { auto: {} } },
    });
    expect(wire.body?.inferenceConfig).not.toHaveProperty('temperature');
    expect(wire.warnings).toEqual([
      'temperature and top_p were dropped: Anthropic models refuse them while thinking',
      'tool_choice forcing a tool is refused by Anthropic models while thinking; sent as "auto"',
    ]);
  });

  it('fits the thinking budget inside max tokens, and drops it when there is no room', () => {
    const fitted = convert({ messages: [{ role: 'user', content: 'Hi' }], reasoning_effort: 'high', max_tokens: 5000 }, 'us.anthropic.claude-sonnet-4-20250514-v1:0');
    expect(fitted.body).toMatchObject({ additionalModelRequestFields: { thinking: { budget_tokens: 4999 } }, inferenceConfig: { maxTokens: 5000 } });
    expect(fitted.warnings[0]).toContain('lowered from 16384 to 4999');
    const none = convert({ messages: [{ role: 'user', content: 'Hi' }], reasoning_effort: 'low', max_tokens: 800 });
    expect(none.body).not.toHaveProperty('additionalModelRequestFields');
    expect(none.warnings[0]).toContain('dropped');
    const off = convert({ messages: [{ role: 'user', content: 'Hi' }], reasoning_effort: 'none' });
    expect(off.body).not.toHaveProperty('additionalModelRequestFields');
    expect(off.warnings).toEqual([]);
  });

  it('maps reasoning_effort for Nova 2 and gpt-oss, and warns for models without a known knob', () => {
    expect(convert({ messages: [{ role: 'user', content: 'Hi' }], reasoning_effort: 'minimal' }, 'us.amazon.nova-2-lite-v1:0').body).toMatchObject({
      additionalModelRequestFields: { reasoningConfig: { type: 'enabled', maxReasoningEffort: 'low' } },
    });
    expect(convert({ messages: [{ role: 'user', content: 'Hi' }], reasoning_effort: 'high' }, 'openai.gpt-oss-120b-1:0').body).toMatchObject({
      additionalModelRequestFields: { reasoning_effort: 'high' },
    });
    const llama = convert({ messages: [{ role: 'user', content: 'Hi' }], reasoning_effort: 'high' }, 'meta.llama3-3-70b-instruct-v1:0');
    expect(llama.body).not.toHaveProperty('additionalModelRequestFields');
    expect(llama.warnings).toEqual([expect.stringContaining('reasoning_effort is not supported for meta')]);
  });

  it('merges extra_body: Converse fields at the top level, anything else into additionalModelRequestFields', () => {
    const wire = convert({
      messages: [{ role: 'user', content: 'Hi' }],
      reasoning_effort: 'low',
      max_tokens: 4000,
      extra_body: {
        top_k: 50,
        guardrailConfig: { guardrailIdentifier: 'gr-123', guardrailVersion: '1', trace: 'enabled' },
        performanceConfig: { latency: 'optimized' },
        additionalModelResponseFieldPaths: ['/stop_sequence'],
        additionalModelRequestFields: { anthropic_beta: ['interleaved-thinking-2025-05-14'] },
        inferenceConfig: { maxTokens: 4096 },
      },
    });
    expect(wire.body).toMatchObject({
      guardrailConfig: { guardrailIdentifier: 'gr-123', guardrailVersion: '1', trace: 'enabled' },
      performanceConfig: { latency: 'optimized' },
      additionalModelResponseFieldPaths: ['/stop_sequence'],
      inferenceConfig: { maxTokens: 4096 },
      additionalModelRequestFields: {
        thinking: { type: 'enabled', budget_tokens: 2048 },
        top_k: 50,
        anthropic_beta: ['interleaved-thinking-2025-05-14'],
      },
    });
    expect(wire.body).not.toHaveProperty('top_k');
    expect(wire.body).not.toHaveProperty('extra_body');
  });

  it('maps metadata and service_tier natively and reports what Converse cannot take', () => {
    const wire = convert({
      messages: [{ role: 'user', content: 'Hi', name: 'ada' }],
      metadata: { team: 'search' },
      service_tier: 'flex',
      seed: 7,
      presence_penalty: 0.5,
      logprobs: true,
      parallel_tool_calls: false,
    });
    expect(wire.body).toMatchObject({ requestMetadata: { team: 'search' }, serviceTier: { type: 'flex' } });
    expect(wire.warnings).toEqual([
      'messages[0].name is not supported by Bedrock and was dropped',
      "parallel_tool_calls=false cannot be expressed in Converse and was ignored",
      "presence_penalty is not supported by Bedrock's Converse API and was dropped",
      "logprobs is not supported by Bedrock's Converse API and was dropped",
      "seed is not supported by Bedrock's Converse API and was dropped",
    ]);
    expect(convert({ messages: [{ role: 'user', content: 'Hi' }], service_tier: 'auto' }).body).not.toHaveProperty('serviceTier');
  });

  it('refuses n > 1 and legacy functions', () => {
    expect(rejection(() => convert({ messages: [{ role: 'user', content: 'Hi' }], n: 3 })).message).toContain('n=3');
    expect(rejection(() => convert({ messages: [{ role: 'user', content: 'Hi' }], functions: [{ name: 'f' }] })).message).toContain('functions');
  });

  describe('max tokens of Anthropic models from the model catalogue', () => {
    const hi = { messages: [{ role: 'user' as const, content: 'Hi' }] };

    it('defaults to the output limit the catalogue gives, for the cross-region and the plain id', () => {
      const limit = resolveModelInfo('bedrock/us.anthropic.claude-sonnet-4-6')?.maxOutputTokens;
      expect(limit).toBe(64_000);
      expect(convert(hi, 'us.anthropic.claude-sonnet-4-6').body?.inferenceConfig).toEqual({ maxTokens: 64_000 });
      expect(convert(hi, 'anthropic.claude-sonnet-4-6').body?.inferenceConfig).toEqual({ maxTokens: 64_000 });
      // A region prefix the catalogue does not list answers with the plain id's record.
      expect(resolveModelInfo('bedrock/apac.anthropic.claude-sonnet-4-6')).toBe(resolveModelInfo('bedrock/anthropic.claude-sonnet-4-6'));
      expect(convert(hi, 'apac.anthropic.claude-sonnet-4-6').body?.inferenceConfig).toEqual({ maxTokens: 64_000 });
    });

    it('keeps the caller limit, fits a thinking budget inside the default, and leaves others alone', () => {
      expect(convert({ ...hi, max_tokens: 900 }, 'us.anthropic.claude-sonnet-4-6').body?.inferenceConfig).toEqual({ maxTokens: 900 });
      const thinking = convert({ ...hi, reasoning_effort: 'high' }, 'us.anthropic.claude-sonnet-4-6');
      expect(thinking.body?.inferenceConfig).toEqual({ maxTokens: 64_000 });
      expect(thinking.body?.additionalModelRequestFields).toEqual({ thinking: { type: 'enabled', budget_tokens: 16384 } });
      expect(thinking.warnings).toEqual([]);
      // Not an Anthropic model, or not in the catalogue: Converse's own default, as before.
      expect(convert(hi, 'amazon.nova-pro-v1:0').body).not.toHaveProperty('inferenceConfig');
      expect(convert(hi).body).not.toHaveProperty('inferenceConfig');
    });
  });
});

