import { describe, expect, it } from 'vitest';
import { convertGeminiChatResponse } from '../../../src/dialects/gemini/convert-gemini-chat-response.js';
import { decodeThoughtSignature } from '../../../src/dialects/gemini/encode-tool-call-id.js';
import {
  blockedPromptResponse,
  functionCallResponse,
  parallelCallsWithSignatureResponse,
  rateLimitErrorBody,
  safetyStoppedResponse,
  textResponse,
  thinkingResponse,
} from './gemini-fixtures.js';
import { createGeminiRoute } from './gemini-route.js';

const route = createGeminiRoute();

describe('convertGeminiChatResponse', () => {
  it('converts a text answer with usage', () => {
    const response = convertGeminiChatResponse(textResponse, route);
    expect(response).toMatchObject({
      id: 'mYJcaPzWKL2I1dkPqLy_6Aw',
      object: 'chat.completion',
      model: 'gemini-2.5-flash',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Paris.' }, finish_reason: 'stop', native_finish_reason: 'STOP' }],
      usage: { prompt_tokens: 20, completion_tokens: 2, total_tokens: 22 },
    });
    expect(response.created).toBeGreaterThan(1_700_000_000);
  });

  it('turns function calls into tool calls with generated ids and finish_reason tool_calls', () => {
    const response = convertGeminiChatResponse(functionCallResponse, route);
    expect(response.choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_fc-response-1_0', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
      },
      finish_reason: 'tool_calls',
      native_finish_reason: 'STOP',
    });
  });

  it('carries the thought signature inside the id of the call it came on', () => {
    const calls = convertGeminiChatResponse(parallelCallsWithSignatureResponse, route).choices[0]?.message.tool_calls ?? [];
    expect(calls.map((call) => call.function?.arguments)).toEqual(['{"city":"Paris"}', '{"city":"Rome"}']);
    expect(calls[0]?.id).toMatch(/^call_parallel-1_0__thought__[A-Za-z0-9_-]+$/);
    expect(decodeThoughtSignature(calls[0]?.id ?? '')).toBe('CpUBAb4+9vs/x+7Qzw==');
    expect(calls[1]?.id).toBe('call_parallel-1_1');
  });

  it('surfaces thought summaries as reasoning_content and counts thoughts and cached tokens', () => {
    const response = convertGeminiChatResponse(thinkingResponse, route);
    expect(response.choices[0]?.message).toEqual({
      role: 'assistant',
      content: 'Paris.',
      reasoning_content: '**Weighing the options**\nThe user asks for a capital.',
    });
    expect(response.usage).toEqual({
      prompt_tokens: 12,
      completion_tokens: 152,
      total_tokens: 164,
      prompt_tokens_details: { cached_tokens: 8 },
      completion_tokens_details: { reasoning_tokens: 150 },
    });
  });

  it('reports a blocked prompt as content_filter with the block reason', () => {
    const response = convertGeminiChatResponse(blockedPromptResponse, route);
    expect(response.choices).toEqual([
      { index: 0, message: { role: 'assistant', content: null }, finish_reason: 'content_filter', native_finish_reason: 'SAFETY' },
    ]);
    expect(response.usage).toMatchObject({ prompt_tokens: 7, completion_tokens: 0, total_tokens: 7 });
  });

  it('reports a safety stop as content_filter with no content', () => {
    expect(convertGeminiChatResponse(safetyStoppedResponse, route).choices[0]).toMatchObject({
      message: { content: null },
      finish_reason: 'content_filter',
      native_finish_reason: 'SAFETY',
    });
  });

  it('keeps unmapped reasons raw, reads Vertex createTime, and maps logprobs and grounding', () => {
    const response = convertGeminiChatResponse(
      {
        candidates: [
          {
            content: { role: 'model', parts: [{ text: 'Hi' }] },
            finishReason: 'MALFORMED_FUNCTION_CALL',
            logprobsResult: {
              chosenCandidates: [{ token: 'Hi', logProbability: -0.1 }],
              topCandidates: [{ candidates: [{ token: 'Hi', logProbability: -0.1 }, { token: 'Hello', logProbability: -2.5 }] }],
            },
            groundingMetadata: { groundingChunks: [{ web: { uri: 'https://example.com/a', title: 'example.com' } }] },
          },
        ],
        createTime: '2025-06-01T12:00:00.123456Z',
        responseId: 'vertex-1',
      },
      route,
    );
    expect(response.created).toBe(Date.UTC(2025, 5, 1, 12) / 1000);
    expect(response.choices[0]).toEqual({
      index: 0,
      message: {
        role: 'assistant',
        content: 'Hi',
        // No groundingSupports cite it: the source grounds the whole answer ('Hi', 2 characters).
        annotations: [{ type: 'url_citation', url_citation: { start_index: 0, end_index: 2, url: 'https://example.com/a', title: 'example.com' } }],
      },
      finish_reason: 'stop',
      native_finish_reason: 'MALFORMED_FUNCTION_CALL',
      logprobs: {
        content: [
          {
            token: 'Hi',
            logprob: -0.1,
            bytes: null,
            top_logprobs: [
              { token: 'Hi', logprob: -0.1, bytes: null },
              { token: 'Hello', logprob: -2.5, bytes: null },
            ],
          },
        ],
      },
    });
  });

  it('returns one choice per candidate (candidateCount)', () => {
    const response = convertGeminiChatResponse(
      {
        candidates: [
          { content: { role: 'model', parts: [{ text: 'A' }] }, finishReason: 'STOP' },
          { content: { role: 'model', parts: [{ text: 'B' }] }, finishReason: 'MAX_TOKENS', index: 1 },
        ],
        responseId: 'n2',
      },
      route,
    );
    expect(response.choices.map((choice) => [choice.index, choice.message.content, choice.finish_reason])).toEqual([
      [0, 'A', 'stop'],
      [1, 'B', 'length'],
    ]);
  });

  it('throws the typed error of an error body and rejects bodies that are not responses', () => {
    expect(() => convertGeminiChatResponse(rateLimitErrorBody, route)).toThrow(expect.objectContaining({ kind: 'RateLimited', status: 429 }));
    expect(() => convertGeminiChatResponse('nope', route)).toThrow(expect.objectContaining({ kind: 'InvalidResponse' }));
    expect(() => convertGeminiChatResponse({ candidates: [] }, route)).toThrow(expect.objectContaining({ kind: 'InvalidResponse' }));
  });
});
