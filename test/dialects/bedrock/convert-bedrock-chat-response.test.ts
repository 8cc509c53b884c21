import { describe, expect, it } from 'vitest';
import { convertBedrockChatResponse } from '../../../src/dialects/bedrock/convert-bedrock-chat-response.js';
import { mapBedrockStopReason } from '../../../src/dialects/bedrock/map-bedrock-stop-reason.js';
import { mapBedrockUsage } from '../../../src/dialects/bedrock/map-bedrock-usage.js';
import { bedrockRoute } from './bedrock-route.js';

const route = bedrockRoute('us.anthropic.claude-3-7-sonnet-20250219-v1:0');

describe('convertBedrockChatResponse', () => {
  it('converts a documented text answer', () => {
    const response = convertBedrockChatResponse(
      {
        output: { message: { role: 'assistant', content: [{ text: 'Here is a list of 3 pop songs by artists from the United Kingdom:' }] } },
        stopReason: 'end_turn',
        usage: { inputTokens: 125, outputTokens: 60, totalTokens: 185 },
        metrics: { latencyMs: 1175 },
      },
      route,
    );
    expect(response).toMatchObject({
      object: 'chat.completion',
      model: 'us.anthropic.claude-3-7-sonnet-20250219-v1:0',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Here is a list of 3 pop songs by artists from the United Kingdom:' },
          finish_reason: 'stop',
          native_finish_reason: 'end_turn',
        },
      ],
      usage: { prompt_tokens: 125, completion_tokens: 60, total_tokens: 185 },
    });
    expect(response.id).toMatch(/^chatcmpl-bedrock-[0-9a-f-]{36}$/);
    expect(response.created).toBeGreaterThan(1_700_000_000);
    expect(response.choices[0]?.message).not.toHaveProperty('tool_calls');
  });

  it('surfaces reasoning, text and several tool calls with JSON string arguments', () => {
    const response = convertBedrockChatResponse(
      {
        output: {
          message: {
            role: 'assistant',
            content: [
              { reasoningContent: { reasoningText: { text: 'The user wants two stations.', signature: 'EqoBCkgIARABGAIiQL...' } } },
              { reasoningContent: { redactedContent: 'EmwKAhgBEgy3va3pzix/LafPsn4aDFIT' } },
              { text: "I'll check both." },
              { toolUse: { toolUseId: 'tooluse_1', name: 'top_song', input: { sign: 'WZPZ' } } },
              { toolUse: { toolUseId: 'tooluse_2', name: 'top_song', input: { sign: 'WKRP' } } },
            ],
          },
        },
        stopReason: 'tool_use',
        usage: { inputTokens: 400, outputTokens: 120, totalTokens: 520 },
      },
      route,
    );
    expect(response.choices[0]).toMatchObject({
      message: {
        content: "I'll check both.",
        reasoning_content: 'The user wants two stations.',
        tool_calls: [
          { id: 'tooluse_1', type: 'function', function: { name: 'top_song', arguments: '{"sign":"WZPZ"}' } },
          { id: 'tooluse_2', type: 'function', function: { name: 'top_song', arguments: '{"sign":"WKRP"}' } },
        ],
      },
      finish_reason: 'tool_calls',
      native_finish_reason: 'tool_use',
    });
  });

  it('gives null content for a reply that is only tool calls', () => {
    const response = convertBedrockChatResponse(
      { output: { message: { role: 'assistant', content: [{ toolUse: { toolUseId: 't', name: 'top_song', input: {} } }] } }, stopReason: 'tool_use' },
      route,
    );
    expect(response.choices[0]?.message.content).toBeNull();
    expect(response.choices[0]?.message.tool_calls?.[0]?.function?.arguments).toBe('{}');
    expect(response).not.toHaveProperty('usage');
  });

  it('turns the response_format tool back into JSON content that finishes with stop', () => {
    const response = convertBedrockChatResponse(
      {
        output: { message: { role: 'assistant', content: [{ toolUse: { toolUseId: 't', name: 'respond_in_json', input: { city: 'Paris' } } }] } },
        stopReason: 'tool_use',
        usage: { inputTokens: 10, outputTokens: 5, totalTokens: 15 },
      },
      route,
    );
    expect(response.choices[0]).toMatchObject({ message: { content: '{"city":"Paris"}' }, finish_reason: 'stop', native_finish_reason: 'tool_use' });
    expect(response.choices[0]?.message).not.toHaveProperty('tool_calls');
  });

  it('counts prompt-cache reads and writes into prompt_tokens and reports them', () => {
    const response = convertBedrockChatResponse(
      {
        output: { message: { role: 'assistant', content: [{ text: 'ok' }] } },
        stopReason: 'max_tokens',
        usage: { inputTokens: 4, outputTokens: 10, totalTokens: 1227, cacheReadInputTokens: 1213, cacheWriteInputTokens: 0 },
      },
      route,
    );
    expect(response.choices[0]?.finish_reason).toBe('length');
    expect(response.usage).toEqual({
      prompt_tokens: 1217,
      completion_tokens: 10,
      total_tokens: 1227,
      prompt_tokens_details: { cached_tokens: 1213, cache_write_tokens: 0 },
    });
  });

  it('reports a guardrail intervention as content_filter', () => {
    const response = convertBedrockChatResponse(
      { output: { message: { role: 'assistant', content: [{ text: 'Sorry, the model cannot answer this question.' }] } }, stopReason: 'guardrail_intervened' },
      route,
    );
    expect(response.choices[0]).toMatchObject({ finish_reason: 'content_filter', native_finish_reason: 'guardrail_intervened' });
  });

  it('rejects a body without output.message.content', () => {
    expect(() => convertBedrockChatResponse({ message: 'oops' }, route)).toThrow(/no output\.message\.content/);
    expect(() => convertBedrockChatResponse(null, route)).toThrow(/InvalidResponse|no output/);
  });
});

describe('mapBedrockStopReason', () => {
  it.each([
    ['end_turn', 'stop'],
    ['stop_sequence', 'stop'],
    ['max_tokens', 'length'],
    ['model_context_window_exceeded', 'length'],
    ['tool_use', 'tool_calls'],
    ['guardrail_intervened', 'content_filter'],
    ['content_filtered', 'content_filter'],
    ['something_new', 'stop'],
  ])('%s -> %s', (native, expected) => {
    expect(mapBedrockStopReason(native)).toBe(expected);
  });
});

describe('mapBedrockUsage', () => {
  it('adds cache writes to the prompt and computes the total itself', () => {
    expect(mapBedrockUsage({ inputTokens: 20, outputTokens: 7, cacheWriteInputTokens: 1000 })).toEqual({
      prompt_tokens: 1020,
      completion_tokens: 7,
      total_tokens: 1027,
      prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 1000 },
    });
    expect(mapBedrockUsage({})).toEqual({ prompt_tokens: 0, completion_tokens: 0, total_tokens: 0 });
  });
});
