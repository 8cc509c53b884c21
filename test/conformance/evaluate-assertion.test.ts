import { describe, expect, it } from 'vitest';
import { collectStreamFields, mergeToolCallDeltas, type MergedToolCall } from './collect-stream.js';
import { evaluateAssertion, evaluateCase, parseFieldPath, readField, type CallOutcome, type ThrownError } from './evaluate-assertion.js';
import { findPendingReason } from './pending-cases.js';

const response = {
  id: 'chatcmpl-1',
  model: 'gpt-4',
  system_fingerprint: '',
  choices: [
    {
      index: 0,
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [
          { id: 'call_a', type: 'function', function: { name: 'get_weather', arguments: '{}' } },
          { id: 'call_b', type: 'function', function: { name: 'get_time', arguments: '{}' } },
        ],
      },
      finish_reason: 'tool_calls',
    },
  ],
  usage: { prompt_tokens: 10, completion_tokens: 5, total_tokens: 15 },
  data: [],
  flags: { ready: true, done: 'yes' },
};
const ok: CallOutcome = { ok: true, fields: response };
const rateLimited: ThrownError = { kind: 'RateLimited', status: 429, name: 'RateLimitedError', message: 'slow down' };
const failed: CallOutcome = { ok: false, error: rateLimited, fields: { error: { status_code: 429, kind: 'RateLimited' } } };

describe('parseFieldPath', () => {
  it('splits dotted snake_case names and [i] indexes', () => {
    expect(parseFieldPath('choices[0].message.tool_calls[1].function.name')).toEqual([
      'choices',
      0,
      'message',
      'tool_calls',
      1,
      'function',
      'name',
    ]);
    expect(parseFieldPath('usage.total_tokens')).toEqual(['usage', 'total_tokens']);
    expect(parseFieldPath('matrix[2][10]')).toEqual(['matrix', 2, 10]);
  });

  it('rejects malformed paths', () => {
    expect(() => parseFieldPath('')).toThrow(/empty/);
    expect(() => parseFieldPath('choices[x]')).toThrow(/choices\[x\]/);
    expect(() => parseFieldPath('a..b')).toThrow(/malformed/);
    expect(() => parseFieldPath('[0]')).toThrow(/malformed/);
  });
});

describe('readField', () => {
  it('reads nested values through indexes', () => {
    expect(readField(response, 'choices[0].message.tool_calls[1].function.name')).toEqual({ found: true, value: 'get_time' });
    expect(readField(response, 'choices[0].message.content')).toEqual({ found: true, value: null });
  });

  it('says where a path stops', () => {
    expect(readField(response, 'choices[3].message')).toEqual({ found: false, missing: 'choices[3]' });
    expect(readField(response, 'choices[0].message.content.text')).toEqual({ found: false, missing: 'choices[0].message.content.text' });
    expect(readField(response, 'model[0]')).toEqual({ found: false, missing: 'model[0]' });
    expect(readField({ a: undefined }, 'a')).toEqual({ found: false, missing: 'a' });
  });
});

describe('evaluateAssertion', () => {
  it('not_error holds only for a result', () => {
    expect(evaluateAssertion({ type: 'not_error' }, ok)).toBeUndefined();
    expect(evaluateAssertion({ type: 'not_error' }, failed)).toMatch(/RateLimitedError \(kind RateLimited, status 429\)/);
  });

  it('error compares the expected kind with the thrown kind', () => {
    expect(evaluateAssertion({ type: 'error', value: 'RateLimited' }, failed)).toBeUndefined();
    expect(evaluateAssertion({ type: 'error', value: 'ServerError' }, failed)).toMatch(/expected kind "ServerError", got RateLimitedError/);
    expect(evaluateAssertion({ type: 'error', value: 'RateLimited' }, ok)).toMatch(/got a result/);
  });

  it('equals compares deeply, and a missing field is not null', () => {
    expect(evaluateAssertion({ type: 'equals', field: 'usage.total_tokens', value: 15 }, ok)).toBeUndefined();
    expect(evaluateAssertion({ type: 'equals', field: 'usage', value: { total_tokens: 15, prompt_tokens: 10, completion_tokens: 5 } }, ok)).toBeUndefined();
    expect(evaluateAssertion({ type: 'equals', field: 'choices[0].message.content', value: null }, ok)).toBeUndefined();
    expect(evaluateAssertion({ type: 'equals', field: 'usage', value: { total_tokens: 15 } }, ok)).toMatch(/expected \{"total_tokens":15\}/);
    expect(evaluateAssertion({ type: 'equals', field: 'usage.total_tokens', value: '15' }, ok)).toBe(
      'equals usage.total_tokens: expected "15", got 15',
    );
    expect(evaluateAssertion({ type: 'equals', field: 'usage.cost', value: null }, ok)).toMatch(/usage.cost is missing/);
    expect(evaluateAssertion({ type: 'equals', field: 'error.status_code', value: 429 }, failed)).toBeUndefined();
    expect(evaluateAssertion({ type: 'equals', field: 'error.status_code', value: 429 }, ok)).toMatch(/error is missing/);
  });

  it('contains checks substrings and array members', () => {
    expect(evaluateAssertion({ type: 'contains', field: 'model', value: 'pt-' }, ok)).toBeUndefined();
    expect(evaluateAssertion({ type: 'contains', field: 'model', value: '' }, ok)).toBeUndefined();
    expect(evaluateAssertion({ type: 'contains', field: 'model', value: 'claude' }, ok)).toMatch(/to contain "claude"/);
    expect(
      evaluateAssertion({ type: 'contains', field: 'choices[0].message.tool_calls', value: response.choices[0]?.message.tool_calls[1] }, ok),
    ).toBeUndefined();
    expect(evaluateAssertion({ type: 'contains', field: 'usage', value: 15 }, ok)).toMatch(/neither a string nor an array/);
  });

  it('not_empty rejects null, empty strings, arrays and objects', () => {
    expect(evaluateAssertion({ type: 'not_empty', field: 'id' }, ok)).toBeUndefined();
    expect(evaluateAssertion({ type: 'not_empty', field: 'choices[0].message.tool_calls' }, ok)).toBeUndefined();
    expect(evaluateAssertion({ type: 'not_empty', field: 'system_fingerprint' }, ok)).toMatch(/non-empty/);
    expect(evaluateAssertion({ type: 'not_empty', field: 'data' }, ok)).toMatch(/got \[\]/);
    expect(evaluateAssertion({ type: 'not_empty', field: 'choices[0].message.content' }, ok)).toMatch(/got null/);
    expect(evaluateAssertion({ type: 'not_empty', field: 'absent' }, ok)).toMatch(/absent is missing/);
    expect(evaluateAssertion({ type: 'not_empty', field: 'audio' }, { ok: true, fields: { audio: new Uint8Array(0) } })).toMatch(/0 bytes/);
    expect(evaluateAssertion({ type: 'not_empty', field: 'audio' }, { ok: true, fields: { audio: new Uint8Array(3) } })).toBeUndefined();
  });

  it('count_equals and count_min read array lengths', () => {
    expect(evaluateAssertion({ type: 'count_equals', field: 'choices[0].message.tool_calls', value: 2 }, ok)).toBeUndefined();
    expect(evaluateAssertion({ type: 'count_equals', field: 'choices', value: 2 }, ok)).toBe(
      'count_equals choices: expected length 2, got length 1',
    );
    expect(evaluateAssertion({ type: 'count_equals', field: 'data', value: 0 }, ok)).toBeUndefined();
    expect(evaluateAssertion({ type: 'count_min', field: 'choices', value: 1 }, ok)).toBeUndefined();
    expect(evaluateAssertion({ type: 'count_min', field: 'choices', value: 2 }, ok)).toMatch(/expected length >= 2, got length 1/);
    expect(evaluateAssertion({ type: 'count_min', field: 'model', value: 0 }, ok)).toMatch(/not an array/);
  });

  it('greater_than needs a larger number', () => {
    expect(evaluateAssertion({ type: 'greater_than', field: 'usage.total_tokens', value: 14 }, ok)).toBeUndefined();
    expect(evaluateAssertion({ type: 'greater_than', field: 'usage.total_tokens', value: 15 }, ok)).toMatch(/a number > 15, got 15/);
    expect(evaluateAssertion({ type: 'greater_than', field: 'model', value: 0 }, ok)).toMatch(/got "gpt-4"/);
  });

  it('is_true needs exactly true', () => {
    expect(evaluateAssertion({ type: 'is_true', field: 'flags.ready' }, ok)).toBeUndefined();
    expect(evaluateAssertion({ type: 'is_true', field: 'flags.done' }, ok)).toMatch(/expected true, got "yes"/);
  });

  it('fails on unknown types and on field assertions without a field', () => {
    expect(evaluateAssertion({ type: 'matches', field: 'id', value: 'x' }, ok)).toMatch(/unknown assertion type "matches"/);
    expect(evaluateAssertion({ type: 'equals', value: 1 }, ok)).toMatch(/no field/);
  });
});

describe('evaluateCase', () => {
  it('fails a thrown call that no assertion expects, even if field assertions hold', () => {
    const streamFailed: CallOutcome = { ok: false, error: rateLimited, fields: { chunks: [], error: {} } };
    expect(evaluateCase([{ type: 'count_min', field: 'chunks', value: 0 }], streamFailed)).toEqual([
      'unexpected error: RateLimitedError (kind RateLimited, status 429): slow down',
    ]);
    expect(evaluateCase([{ type: 'count_min', field: 'chunks', value: 0 }], { ok: true, fields: { chunks: [] } })).toEqual([]);
  });

  it('collects every failure of a case', () => {
    const failures = evaluateCase(
      [
        { type: 'error', value: 'RateLimited' },
        { type: 'equals', field: 'error.status_code', value: 500 },
        { type: 'equals', field: 'error.kind', value: 'RateLimited' },
      ],
      failed,
    );
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatch(/^equals error.status_code: expected 500, got 429/);
    expect(evaluateCase([], ok)).toEqual(['the case has no assertions']);
  });
});

describe('mergeToolCallDeltas', () => {
  it('merges deltas by index: concatenates arguments and keeps the first id and name', () => {
    const merged: MergedToolCall[] = [];
    mergeToolCallDeltas(merged, [{ index: 1, id: 'call_2', type: 'function', function: { name: 'second', arguments: '{"b"' } }]);
    mergeToolCallDeltas(merged, [{ index: 0, id: 'call_1', type: 'function', function: { name: 'first', arguments: '' } }]);
    mergeToolCallDeltas(merged, [
      { index: 0, function: { arguments: '{"a":' } },
      { index: 1, id: 'ignored', function: { name: 'ignored', arguments: ':2}' } },
    ]);
    mergeToolCallDeltas(merged, [{ index: 0, function: { arguments: '1}' } }]);
    expect(merged).toEqual([
      { index: 0, id: 'call_1', type: 'function', function: { name: 'first', arguments: '{"a":1}' } },
      { index: 1, id: 'call_2', type: 'function', function: { name: 'second', arguments: '{"b":2}' } },
    ]);
  });

  it('ignores missing delta lists', () => {
    expect(mergeToolCallDeltas([], undefined)).toEqual([]);
  });
});

describe('collectStreamFields', () => {
  const chunk = (delta: Record<string, unknown>, finishReason: string | null = null, extra: Record<string, unknown> = {}) => ({
    object: 'chat.completion.chunk',
    choices: [{ index: 0, delta, finish_reason: finishReason }],
    ...extra,
  });

  it('aggregates content, finish reason, tool calls and the last usage', () => {
    const chunks = [
      chunk({ role: 'assistant', content: '' }),
      chunk({ content: 'Hi' }, null, { usage: { total_tokens: 1 } }),
      chunk({ content: ' there', tool_calls: [{ index: 0, id: 'call_1', function: { name: 'f', arguments: '{' } }] }),
      chunk({ tool_calls: [{ index: 0, function: { arguments: '}' } }] }, 'tool_calls'),
      { object: 'chat.completion.chunk', choices: [], usage: { total_tokens: 18 } },
    ];
    const fields = collectStreamFields({ chunks, completed: true, chunksAfterEnd: 0 });
    expect(fields.chunks).toHaveLength(5);
    expect(fields.stream_content).toBe('Hi there');
    expect(fields.finish_reason).toBe('tool_calls');
    expect(fields.tool_calls).toEqual([{ index: 0, id: 'call_1', type: undefined, function: { name: 'f', arguments: '{}' } }]);
    expect(fields.usage).toEqual({ total_tokens: 18 });
    expect(fields.stream_complete).toBe(true);
    expect(fields.no_chunks_after_done).toBe(true);
  });

  it('reads only choice 0 of multi-choice chunks', () => {
    const chunks = [
      {
        choices: [
          { index: 1, delta: { content: 'B' }, finish_reason: 'length' },
          { index: 0, delta: { content: 'A' }, finish_reason: null },
        ],
      },
    ];
    const fields = collectStreamFields({ chunks, completed: true, chunksAfterEnd: 0 });
    expect(fields.stream_content).toBe('A');
    expect(fields.finish_reason).toBeNull();
  });

  it('reports an incomplete stream and chunks after the end', () => {
    expect(collectStreamFields({ chunks: [], completed: false, chunksAfterEnd: 0 })).toMatchObject({
      stream_complete: false,
      no_chunks_after_done: false,
      stream_content: '',
      usage: undefined,
    });
    expect(collectStreamFields({ chunks: [], completed: true, chunksAfterEnd: 1 }).no_chunks_after_done).toBe(false);
  });
});

describe('findPendingReason', () => {
  it('runs every case: the middleware categories too', () => {
    expect(findPendingReason({ call: 'chat_stream', category: 'cache' })).toBeUndefined();
    expect(findPendingReason({ call: 'chat', category: 'budget' })).toBeUndefined();
    expect(findPendingReason({ call: 'chat', category: 'hooks' })).toBeUndefined();
    expect(findPendingReason({ call: 'rerank', category: 'rerank' })).toBeUndefined();
    expect(findPendingReason({ call: 'create_file', category: 'files' })).toBeUndefined();
    expect(findPendingReason({ call: 'chat', category: 'error-handling' })).toBeUndefined();
    expect(findPendingReason({ call: 'chat_stream', category: 'streaming' })).toBeUndefined();
  });
});

describe('createMiddlewareSetup', () => {
  it('configures each middleware category and leaves the rest plain', async () => {
    const { createMiddlewareSetup } = await import('./create-middleware-setup.js');
    const base = { call: 'chat', assertions: [] };
    expect(createMiddlewareSetup({ ...base, id: 'budget_enforced', category: 'budget' })).toMatchObject({ options: { budget: { limitUsd: 0 } }, sends: false });
    expect(createMiddlewareSetup({ ...base, id: 'x', category: 'cache' }).options.middleware?.length).toBeGreaterThan(0);
    expect(createMiddlewareSetup({ ...base, id: 'x', category: 'hooks' }).options.middleware?.length).toBeGreaterThan(0);
    expect(createMiddlewareSetup({ ...base, id: 'x', category: 'smoke' })).toMatchObject({ options: {}, sends: true });
    expect(() => createMiddlewareSetup({ ...base, id: 'unknown_budget', category: 'budget' })).toThrow(/no budget configured/);
  });
});
