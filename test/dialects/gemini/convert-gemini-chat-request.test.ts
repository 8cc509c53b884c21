import { describe, expect, it } from 'vitest';
import type { ChatCompletionRequest } from '../../../src/index.js';
import { geminiDialect } from '../../../src/dialects/gemini/gemini-dialect.js';
import { encodeToolCallId } from '../../../src/dialects/gemini/encode-tool-call-id.js';
import { createGeminiRoute, vertexDefinition } from './gemini-route.js';

const route = createGeminiRoute('gemini-2.5-flash');
const weatherTool = {
  type: 'function' as const,
  function: {
    name: 'get_weather',
    description: 'Weather for a city',
    parameters: { type: 'object', properties: { city: { type: 'string', description: 'City name' } }, required: ['city'] },
  },
};

// Through the dialect, so registry quirks apply as they do on a real call.
function convert(request: Omit<ChatCompletionRequest, 'model'>, stream = false, model = route) {
  return geminiDialect.convertChatRequest({ model: 'gemini/gemini-2.5-flash', ...request } as ChatCompletionRequest, model, stream);
}

describe('convertGeminiChatRequest', () => {
  it('sends system and developer messages as systemInstruction and sampling as generationConfig', () => {
    const wire = convert({
      messages: [
        { role: 'system', content: 'You are terse.' },
        { role: 'developer', content: [{ type: 'text', text: 'Answer in one word.' }] },
        { role: 'user', content: 'Capital of France?' },
      ],
      temperature: 0.2,
      top_p: 0.9,
      max_tokens: 50,
      stop: 'END',
      seed: 7,
      n: 2,
    });
    expect(wire).toEqual({
      endpoint: 'chat',
      method: 'POST',
      path: '/models/{model}:generateContent',
      body: {
        contents: [{ role: 'user', parts: [{ text: 'Capital of France?' }] }],
        systemInstruction: { parts: [{ text: 'You are terse.' }, { text: 'Answer in one word.' }] },
        generationConfig: { stopSequences: ['END'], temperature: 0.2, topP: 0.9, maxOutputTokens: 50, candidateCount: 2, seed: 7 },
      },
      warnings: [],
    });
  });

  it('derives the SSE streaming path from the chat path', () => {
    expect(convert({ messages: [{ role: 'user', content: 'Hi' }] }, true).path).toBe('/models/{model}:streamGenerateContent?alt=sse');
    const vertex = createGeminiRoute('gemini-2.5-flash', vertexDefinition);
    expect(convert({ messages: [{ role: 'user', content: 'Hi' }] }, true, vertex).path).toBe(
      '/publishers/google/models/{model}:streamGenerateContent?alt=sse',
    );
  });

  it('sends a multi-turn tool conversation as functionCall and functionResponse parts (documented shape)', () => {
    const wire = convert({
      messages: [
        { role: 'user', content: 'Weather in Paris and Rome?' },
        {
          role: 'assistant',
          content: null,
          tool_calls: [
            { id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
            { id: 'call_b', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Rome"}' } },
          ],
        },
        { role: 'tool', tool_call_id: 'call_a', content: '{"temperature":21,"unit":"C"}' },
        { role: 'tool', tool_call_id: 'call_b', content: 'sunny, 25 C' },
        { role: 'assistant', content: 'Paris 21 C, Rome sunny.' },
        { role: 'user', content: 'Thanks' },
      ],
      tools: [weatherTool],
    });
    expect(wire.body).toEqual({
      contents: [
        { role: 'user', parts: [{ text: 'Weather in Paris and Rome?' }] },
        {
          role: 'model',
          parts: [
            { functionCall: { name: 'get_weather', args: { city: 'Paris' } } },
            { functionCall: { name: 'get_weather', args: { city: 'Rome' } } },
          ],
        },
        {
          role: 'user',
          parts: [
            { functionResponse: { name: 'get_weather', response: { temperature: 21, unit: 'C' } } },
            { functionResponse: { name: 'get_weather', response: { output: 'sunny, 25 C' } } },
          ],
        },
        { role: 'model', parts: [{ text: 'Paris 21 C, Rome sunny.' }] },
        { role: 'user', parts: [{ text: 'Thanks' }] },
      ],
      tools: [
        {
          functionDeclarations: [
            {
              name: 'get_weather',
              description: 'Weather for a city',
              parameters: { type: 'object', properties: { city: { type: 'string', description: 'City name' } }, required: ['city'] },
            },
          ],
        },
      ],
    });
    expect(wire.warnings).toEqual([]);
  });

  it('sends thought signatures carried in tool call ids back on their functionCall parts', () => {
    const id = encodeToolCallId('call_r1_0', 'CpUBAb4+9vs/x+7Qzw==');
    const wire = convert({
      messages: [
        { role: 'user', content: 'Weather?' },
        { role: 'assistant', tool_calls: [{ id, type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }] },
        { role: 'tool', tool_call_id: id, content: '21 C' },
      ],
      tools: [weatherTool],
    });
    const contents = (wire.body as { contents: Array<{ parts: unknown[] }> }).contents;
    expect(contents[1]?.parts).toEqual([{ functionCall: { name: 'get_weather', args: { city: 'Paris' } }, thoughtSignature: 'CpUBAb4+9vs/x+7Qzw==' }]);
    expect(contents[2]?.parts).toEqual([{ functionResponse: { name: 'get_weather', response: { output: '21 C' } } }]);
  });

  it('gives Gemini 3 the documented placeholder signature for tool calls from elsewhere, with a warning', () => {
    const wire = convert(
      {
        messages: [
          { role: 'user', content: 'Weather?' },
          { role: 'assistant', tool_calls: [{ id: 'toolu_01', type: 'function', function: { name: 'get_weather', arguments: '{}' } }] },
          { role: 'tool', tool_call_id: 'toolu_01', content: '21 C' },
        ],
        tools: [weatherTool],
      },
      false,
      createGeminiRoute('gemini-3-pro-preview'),
    );
    const contents = (wire.body as { contents: Array<{ parts: Array<Record<string, unknown>> }> }).contents;
    expect(contents[1]?.parts[0]?.thoughtSignature).toBe('skip_thought_signature_validator');
    expect(wire.warnings).toEqual([expect.stringContaining('skip_thought_signature_validator')]);
  });

  it('sends base64 images and files inline and URLs as fileData with a guessed MIME type', () => {
    const wire = convert({
      messages: [
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Compare these.' },
            { type: 'image_url', image_url: { url: 'data:image/png;base64,iVBORw0KGgo=' } },
            { type: 'image_url', image_url: { url: 'https://example.com/cat.JPG?size=large' } },
            { type: 'image_url', image_url: { url: 'gs://bucket/scan.pdf' } },
            { type: 'file', file: { file_data: 'data:application/pdf;base64,JVBERi0xLjQ=', filename: 'report.pdf' } },
            { type: 'file', file: { file_data: 'JVBERi0xLjQ=', filename: 'bare.pdf' } },
            { type: 'file', file: { file_id: 'https://generativelanguage.googleapis.com/v1beta/files/abc123', filename: 'notes.txt' } },
            { type: 'input_audio', input_audio: { data: 'UklGRg==', format: 'wav' } },
          ],
        },
      ],
    });
    expect((wire.body as { contents: unknown[] }).contents).toEqual([
      {
        role: 'user',
        parts: [
          { text: 'Compare these.' },
          { inlineData: { mimeType: 'image/png', data: 'iVBORw0KGgo=' } },
          { fileData: { mimeType: 'image/jpeg', fileUri: 'https://example.com/cat.JPG?size=large' } },
          { fileData: { mimeType: 'application/pdf', fileUri: 'gs://bucket/scan.pdf' } },
          { inlineData: { mimeType: 'application/pdf', data: 'JVBERi0xLjQ=' } },
          { inlineData: { mimeType: 'application/pdf', data: 'JVBERi0xLjQ=' } },
          { fileData: { mimeType: 'text/plain', fileUri: 'https://generativelanguage.googleapis.com/v1beta/files/abc123' } },
          { inlineData: { mimeType: 'audio/wav', data: 'UklGRg==' } },
        ],
      },
    ]);
    expect(wire.warnings).toEqual([]);
  });

  it('warns when a URL gives no MIME type and sends fileData without one', () => {
    const wire = convert({ messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/image?id=4' } }] }] });
    expect((wire.body as { contents: Array<{ parts: unknown[] }> }).contents[0]?.parts).toEqual([{ fileData: { fileUri: 'https://example.com/image?id=4' } }]);
    expect(wire.warnings).toEqual([expect.stringMatching(/messages\[0\]\.content\[0\]\.image_url\.url: no MIME type/)]);
  });

  it.each([
    ['none', { functionCallingConfig: { mode: 'NONE' } }],
    ['auto', { functionCallingConfig: { mode: 'AUTO' } }],
    ['required', { functionCallingConfig: { mode: 'ANY' } }],
    [{ type: 'function', function: { name: 'get_weather' } }, { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: ['get_weather'] } }],
  ] as const)('maps tool_choice %j to toolConfig', (toolChoice, toolConfig) => {
    const wire = convert({ messages: [{ role: 'user', content: 'Hi' }], tools: [weatherTool], tool_choice: toolChoice });
    expect((wire.body as { toolConfig: unknown }).toolConfig).toEqual(toolConfig);
  });

  it('rejects a named tool_choice that is not among the tools', () => {
    expect(() =>
      convert({ messages: [{ role: 'user', content: 'Hi' }], tools: [weatherTool], tool_choice: { type: 'function', function: { name: 'nope' } } }),
    ).toThrow(/tool_choice names the function "nope"/);
  });

  it('sends json_schema natively as responseMimeType and responseSchema, dropping what Gemini cannot express', () => {
    const wire = convert({
      messages: [{ role: 'user', content: 'Give a city' }],
      response_format: {
        type: 'json_schema',
        json_schema: {
          name: 'city',
          strict: true,
          schema: {
            $schema: 'https://json-schema.org/draft/2020-12/schema',
            type: 'object',
            properties: { name: { type: 'string' }, population: { type: ['integer', 'null'] } },
            required: ['name', 'population'],
            additionalProperties: false,
          },
        },
      },
    });
    expect((wire.body as { generationConfig: unknown }).generationConfig).toEqual({
      responseMimeType: 'application/json',
      responseSchema: {
        type: 'object',
        properties: { name: { type: 'string' }, population: { type: 'integer', nullable: true } },
        required: ['name', 'population'],
      },
    });
    expect(wire.warnings).toEqual([
      'response_format.json_schema.schema: dropped what Gemini\'s schema subset cannot express: $schema (at /); additionalProperties (at /)',
    ]);
    const jsonObject = convert({ messages: [{ role: 'user', content: 'Hi' }], response_format: { type: 'json_object' } });
    expect((jsonObject.body as { generationConfig: unknown }).generationConfig).toEqual({ responseMimeType: 'application/json' });
  });

  it.each([
    ['low', 'gemini-2.5-flash', { thinkingBudget: 1024, includeThoughts: true }],
    ['medium', 'gemini-2.5-flash', { thinkingBudget: 8192, includeThoughts: true }],
    ['high', 'gemini-2.5-pro', { thinkingBudget: 24576, includeThoughts: true }],
    ['none', 'gemini-2.5-flash', { thinkingBudget: 0 }],
    ['high', 'gemini-3-pro-preview', { thinkingLevel: 'high', includeThoughts: true }],
  ] as const)('maps reasoning_effort %s on %s to thinkingConfig', (effort, model, thinkingConfig) => {
    const wire = convert({ messages: [{ role: 'user', content: 'Hi' }], reasoning_effort: effort }, false, createGeminiRoute(model));
    expect((wire.body as { generationConfig: unknown }).generationConfig).toEqual({ thinkingConfig });
  });

  it('drops reasoning_effort for models that do not think, with a warning', () => {
    const wire = convert({ messages: [{ role: 'user', content: 'Hi' }], reasoning_effort: 'high' }, false, createGeminiRoute('gemini-2.0-flash'));
    expect((wire.body as { generationConfig?: unknown }).generationConfig).toBeUndefined();
    expect(wire.warnings).toEqual(['reasoning_effort: gemini-2.0-flash does not think; dropped']);
  });

  it('prefers max_completion_tokens and maps penalties and logprobs', () => {
    const wire = convert({
      messages: [{ role: 'user', content: 'Hi' }],
      max_tokens: 10,
      max_completion_tokens: 20,
      presence_penalty: 0.5,
      frequency_penalty: 0.25,
      logprobs: true,
      top_logprobs: 3,
    });
    expect((wire.body as { generationConfig: unknown }).generationConfig).toEqual({
      maxOutputTokens: 20,
      presencePenalty: 0.5,
      frequencyPenalty: 0.25,
      responseLogprobs: true,
      logprobs: 3,
    });
    expect(wire.warnings).toEqual(['max_tokens: max_completion_tokens was also given and is the one sent as maxOutputTokens']);
  });

  it('reports what it cannot send and merges extra_body last, objects one level deep', () => {
    const wire = convert({
      messages: [{ role: 'user', content: 'Hi', name: 'ada' }],
      temperature: 0.3,
      logit_bias: { '50256': -100 },
      user: 'user-1',
      parallel_tool_calls: false,
      extra_body: {
        generationConfig: { topK: 40 },
        safetySettings: [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_ONLY_HIGH' }],
        cachedContent: 'cachedContents/abc',
      },
    });
    expect(wire.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'Hi' }] }],
      generationConfig: { temperature: 0.3, topK: 40 },
      safetySettings: [{ category: 'HARM_CATEGORY_HARASSMENT', threshold: 'BLOCK_ONLY_HIGH' }],
      cachedContent: 'cachedContents/abc',
    });
    expect(wire.warnings).toEqual([
      'logit_bias: Gemini has no equivalent; dropped (provider options go in extra_body)',
      'user: Gemini has no equivalent; dropped (provider options go in extra_body)',
      'parallel_tool_calls: Gemini cannot be told to call one tool at a time; dropped',
      'messages[0].name: Gemini has no participant names; dropped',
    ]);
  });

  it('omits parameters for a function without arguments and drops unsupported schema keywords with a warning', () => {
    const wire = convert({
      messages: [{ role: 'user', content: 'Hi' }],
      tools: [
        { type: 'function', function: { name: 'now', parameters: { type: 'object', properties: {} } } },
        {
          type: 'function',
          function: {
            name: 'search',
            parameters: { type: 'object', properties: { query: { type: 'string', minLength: 1 } }, additionalProperties: false },
          },
        },
      ],
    });
    expect((wire.body as { tools: unknown }).tools).toEqual([
      {
        functionDeclarations: [
          { name: 'now' },
          { name: 'search', parameters: { type: 'object', properties: { query: { type: 'string', minLength: 1 } } } },
        ],
      },
    ]);
    expect(wire.warnings).toEqual(["tools[1].function.parameters: dropped what Gemini's schema subset cannot express: additionalProperties (at /)"]);
  });

  it('rejects a tool result whose call id no assistant message made, naming the field', () => {
    expect(() => convert({ messages: [{ role: 'user', content: 'Hi' }, { role: 'tool', tool_call_id: 'call_x', content: '1' }] })).toThrow(
      /messages\[1\]\.tool_call_id "call_x" matches no tool call/,
    );
  });

  it('rejects a conversation with only a system prompt', () => {
    expect(() => convert({ messages: [{ role: 'system', content: 'Be brief.' }] })).toThrow(/at least one user or assistant message/);
  });

  it('applies the registry quirks: dropped parameters and defaults', () => {
    const base = createGeminiRoute();
    const quirked = {
      ...base,
      provider: { ...base.provider, quirks: { ...base.provider.quirks, dropParams: ['seed'], defaultParams: { temperature: 0.7 } } },
    };
    const wire = convert({ messages: [{ role: 'user', content: 'Hi' }], seed: 3 }, false, quirked);
    expect((wire.body as { generationConfig: unknown }).generationConfig).toEqual({ temperature: 0.7 });
    expect(wire.warnings).toEqual(['dropped "seed": the provider does not accept it']);
  });
});
