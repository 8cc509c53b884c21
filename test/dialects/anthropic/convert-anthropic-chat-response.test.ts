import { describe, expect, it } from 'vitest';
import { validateChatCompletionResponse } from '../../../generated/validators/chat-completion-response.js';
import { convertAnthropicChatResponse } from '../../../src/dialects/anthropic/convert-anthropic-chat-response.js';
import { cachedUsageResponse, errorBody, jsonToolResponse, textResponse, thinkingResponse, toolUseResponse } from './anthropic-fixtures.js';
import { createAnthropicTestRoute } from './anthropic-test-route.js';

const route = createAnthropicTestRoute();

describe('convertAnthropicChatResponse', () => {
  it('converts a text answer into an OpenAI chat completion', () => {
    const response = convertAnthropicChatResponse(textResponse, route);
    expect(validateChatCompletionResponse(response)).toBeUndefined();
    expect(response).toEqual({
      id: 'msg_013Zva2CMHLNnXjNJJKqJ2EF',
      object: 'chat.completion',
      created: expect.any(Number),
      model: 'claude-sonnet-4-5-20250929',
      choices: [
        { index: 0, message: { role: 'assistant', content: 'Hi! My name is Claude.' }, finish_reason: 'stop', native_finish_reason: 'end_turn' },
      ],
      usage: { prompt_tokens: 2095, completion_tokens: 503, total_tokens: 2598 },
    });
  });

  it('converts tool_use blocks into tool calls with JSON-string arguments', () => {
    const choice = convertAnthropicChatResponse(toolUseResponse, route).choices[0];
    expect(choice).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: "I'll check the current weather in San Francisco for you.",
        tool_calls: [
          {
            id: 'toolu_01A09q90qw90lq917835lq9',
            type: 'function',
            function: { name: 'get_weather', arguments: '{"location":"San Francisco, CA","unit":"celsius"}' },
          },
        ],
      },
      finish_reason: 'tool_calls',
      native_finish_reason: 'tool_use',
    });
  });

  it('surfaces thinking as reasoning_content and keeps every thinking block with its signature', () => {
    const message = convertAnthropicChatResponse(thinkingResponse, route).choices[0]?.message;
    expect(message).toEqual({
      role: 'assistant',
      content: 'Yes, there are infinitely many prime numbers such that...',
      reasoning_content: 'To approach this, let me think about what I know about prime numbers...',
      thinking_blocks: [
        {
          type: 'thinking',
          thinking: 'To approach this, let me think about what I know about prime numbers...',
          signature: 'EuYBCkQYAiJAgCs1le6/Pol5Z4/JMomVOouGrWdhYNsH3ukzUECbB6iWrSQtsQuRHJID6lWV...',
        },
        { type: 'redacted_thinking', data: 'EmwKAhgBEgy3va3pzix/LafPsn4aDFIT2Xlxh0L5L8rLVyIwxtE3rAFBa8cr3qpP...' },
      ],
    });
  });

  it('counts cache writes into prompt_tokens', () => {
    expect(convertAnthropicChatResponse(cachedUsageResponse, route).usage).toEqual({
      prompt_tokens: 188107,
      completion_tokens: 393,
      total_tokens: 188500,
      prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 188086 },
    });
  });

  it('turns the emulated json_response tool call back into content with a stop finish', () => {
    const choice = convertAnthropicChatResponse(jsonToolResponse, route).choices[0];
    expect(choice?.message).toEqual({ role: 'assistant', content: '{"city":"Paris","population":2102650}' });
    expect(choice?.finish_reason).toBe('stop');
    expect(choice?.native_finish_reason).toBe('tool_use');
  });

  it('maps a refusal to content_filter and max_tokens to length', () => {
    const refusal = { ...textResponse, content: [{ type: 'text', text: 'I can’t help with that.' }], stop_reason: 'refusal' };
    expect(convertAnthropicChatResponse(refusal, route).choices[0]).toMatchObject({ finish_reason: 'content_filter', native_finish_reason: 'refusal' });
    const cut = { ...textResponse, stop_reason: 'max_tokens' };
    expect(convertAnthropicChatResponse(cut, route).choices[0]).toMatchObject({ finish_reason: 'length', native_finish_reason: 'max_tokens' });
  });

  it('joins text blocks split around citations and maps web search citations to url_citation annotations', () => {
    const body = {
      ...textResponse,
      content: [
        { type: 'text', text: 'Based on the search results, ' },
        { type: 'server_tool_use', id: 'srvtoolu_1', name: 'web_search', input: { query: 'claude shannon birth date' } },
        { type: 'web_search_tool_result', tool_use_id: 'srvtoolu_1', content: [] },
        {
          type: 'text',
          text: 'Claude Shannon was born on April 30, 1916',
          citations: [
            {
              type: 'web_search_result_location',
              url: 'https://en.wikipedia.org/wiki/Claude_Shannon',
              title: 'Claude Shannon - Wikipedia',
              encrypted_index: 'Eo8BCioIAhgBIiQyYjQ0OWJmZi1lNm..',
              cited_text: 'Claude Elwood Shannon (April 30, 1916 – February 24, 2001)',
            },
          ],
        },
      ],
    };
    const message = convertAnthropicChatResponse(body, route).choices[0]?.message;
    expect(message?.content).toBe('Based on the search results, Claude Shannon was born on April 30, 1916');
    expect(message?.tool_calls).toBeUndefined();
    expect(message?.annotations).toEqual([
      {
        type: 'url_citation',
        url_citation: { start_index: 29, end_index: 70, url: 'https://en.wikipedia.org/wiki/Claude_Shannon', title: 'Claude Shannon - Wikipedia' },
      },
    ]);
  });

  it('throws the typed error of a 2xx body holding only an error, and rejects a body without content', () => {
    expect(() => convertAnthropicChatResponse(errorBody('overloaded_error', 'Overloaded'), route)).toThrow(
      expect.objectContaining({ kind: 'ServiceUnavailable', status: 529 }),
    );
    expect(() => convertAnthropicChatResponse({ id: 'msg_1' }, route)).toThrow(expect.objectContaining({ kind: 'InvalidResponse' }));
  });
});
