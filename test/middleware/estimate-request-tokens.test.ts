import { describe, expect, it } from 'vitest';
import { estimateRequestTokens, NON_TEXT_PART_TOKENS } from '../../src/middleware/estimate-request-tokens.js';
import { measureOutputCharacters } from '../../src/middleware/rate-limit/measure-output-characters.js';

describe('estimateRequestTokens', () => {
  it('counts a quarter token per input character plus the request maximum', () => {
    const request = { model: 'm', messages: [{ role: 'system', content: 'x'.repeat(10) }, { role: 'user', content: 'y'.repeat(30) }], max_tokens: 7 };
    expect(estimateRequestTokens('chat', request, 1024)).toEqual({ prompt: 10, completion: 7 });
    expect(estimateRequestTokens('chatStream', { ...request, max_completion_tokens: 3 }, 1024)).toEqual({ prompt: 10, completion: 3 });
  });

  it('falls back to the completion allowance and counts images flat', () => {
    const request = {
      messages: [{ role: 'user', content: [{ type: 'text', text: 'abcd' }, { type: 'image_url', image_url: { url: `data:image/png;base64,${'A'.repeat(10_000)}` } }] }],
    };
    expect(estimateRequestTokens('chat', request, 256)).toEqual({ prompt: 1 + NON_TEXT_PART_TOKENS, completion: 256 });
  });

  it('counts tool calls and tool definitions', () => {
    const request = {
      messages: [{ role: 'assistant', tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'get', arguments: '{"a":1}' } }] }],
      tools: [{ type: 'function', function: { name: 'get', description: 'Gets' } }],
    };
    // "get" + '{"a":1}' + "get" + "Gets" = 3 + 7 + 3 + 4 = 17 characters (ids, roles and types are not text)
    expect(estimateRequestTokens('chat', request, 0).prompt).toBe(5);
  });

  it('estimates embeddings, completions and responses; other operations count no tokens', () => {
    expect(estimateRequestTokens('embed', { input: ['abcd', 'efgh'] }, 1024)).toEqual({ prompt: 2, completion: 0 });
    expect(estimateRequestTokens('completion', { prompt: 'abcdefgh', max_tokens: 5 }, 1024)).toEqual({ prompt: 2, completion: 5 });
    expect(estimateRequestTokens('responses.create', { input: 'abcd', instructions: 'efgh', max_output_tokens: 9 }, 1024)).toEqual({ prompt: 2, completion: 9 });
    expect(estimateRequestTokens('imageGenerate', { prompt: 'a cat' }, 1024)).toEqual({ prompt: 0, completion: 0 });
  });
});

describe('measureOutputCharacters', () => {
  it('measures responses, chunks and Responses stream deltas', () => {
    expect(measureOutputCharacters({ choices: [{ message: { content: 'hello', tool_calls: [{ function: { arguments: '{}' } }] } }] })).toBe(7);
    expect(measureOutputCharacters({ choices: [{ delta: { content: 'abc', reasoning_content: 'de' } }] })).toBe(5);
    expect(measureOutputCharacters({ type: 'response.output_text.delta', delta: 'abcd' })).toBe(4);
    expect(measureOutputCharacters({ data: [{ embedding: [1, 2] }] })).toBe(0);
  });
});
