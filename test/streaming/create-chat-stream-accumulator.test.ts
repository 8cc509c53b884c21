import { describe, expect, it } from 'vitest';
import type { ChatCompletionChunk } from '../../src/index.js';
import { convertAssembledChatStreamToChunks } from '../../src/streaming/convert-assembled-chat-stream-to-chunks.js';
import { convertAssembledChatStreamToResponse } from '../../src/streaming/convert-assembled-chat-stream-to-response.js';
import { convertChatResponseToAssembledChatStream } from '../../src/streaming/convert-chat-response-to-assembled-chat-stream.js';
import { createChatStreamAccumulator } from '../../src/streaming/create-chat-stream-accumulator.js';

const head = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1_700_000_000, model: 'llama' };
const usage = { prompt_tokens: 9, completion_tokens: 4, total_tokens: 13 };

/** A stream with text, two interleaved tool calls, a finish reason and a usage chunk. */
const toolStream: ChatCompletionChunk[] = [
  { ...head, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] },
  { ...head, choices: [{ index: 0, delta: { content: 'Let me ' }, finish_reason: null }] },
  { ...head, choices: [{ index: 0, delta: { content: 'check.' }, finish_reason: null }] },
  { ...head, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'weather', arguments: '{"ci' } }] }, finish_reason: null }] },
  { ...head, choices: [{ index: 0, delta: { tool_calls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'time', arguments: '{}' } }] }, finish_reason: null }] },
  { ...head, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: 'ty":"Oslo"}' } }] }, finish_reason: null }] },
  { ...head, choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] },
  { ...head, choices: [], usage },
];

function assemble(chunks: readonly ChatCompletionChunk[]) {
  const accumulator = createChatStreamAccumulator();
  for (const chunk of chunks) accumulator.add(chunk);
  return accumulator;
}

describe('createChatStreamAccumulator', () => {
  it('joins text, merges tool-call fragments by index, and keeps the finish reason and usage', () => {
    const accumulator = assemble(toolStream);
    expect(accumulator.replayable).toBe(true);
    expect(accumulator.result()).toEqual({
      id: 'chatcmpl-1',
      created: 1_700_000_000,
      model: 'llama',
      choices: [
        {
          index: 0,
          role: 'assistant',
          content: 'Let me check.',
          finish_reason: 'tool_calls',
          tool_calls: [
            { index: 0, id: 'call_a', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } },
            { index: 1, id: 'call_b', type: 'function', function: { name: 'time', arguments: '{}' } },
          ],
        },
      ],
      usage,
    });
  });

  it('keeps choices apart by index', () => {
    const result = assemble([
      { ...head, choices: [{ index: 1, delta: { content: 'B' }, finish_reason: null }] },
      { ...head, choices: [{ index: 0, delta: { content: 'A' }, finish_reason: 'stop' }] },
      { ...head, choices: [{ index: 1, delta: { content: 'b' }, finish_reason: 'length' }] },
    ]).result();
    expect(result.choices.map((choice) => [choice.index, choice.content, choice.finish_reason])).toEqual([
      [0, 'A', 'stop'],
      [1, 'Bb', 'length'],
    ]);
  });

  it('is not replayable once a chunk carries log probabilities or an unknown delta field', () => {
    expect(assemble([{ ...head, choices: [{ index: 0, delta: { content: 'x' }, logprobs: { content: [] }, finish_reason: 'stop' }] }]).replayable).toBe(false);
    const unknownDelta = { ...head, choices: [{ index: 0, delta: { content: 'x', audio: { id: 'a' } }, finish_reason: 'stop' }] } as unknown as ChatCompletionChunk;
    expect(assemble([unknownDelta]).replayable).toBe(false);
    // Null fields and provider metadata at the top level do not matter.
    const metadata = { ...head, x_groq: { id: 'req' }, choices: [{ index: 0, delta: { content: 'x', refusal: null }, logprobs: null, finish_reason: 'stop' }] } as unknown as ChatCompletionChunk;
    expect(assemble([metadata]).replayable).toBe(true);
  });
});

describe('convertAssembledChatStreamToChunks', () => {
  it('replays role, content, tool-call, finish and usage chunks that assemble to the same result', () => {
    const assembled = assemble(toolStream).result();
    const chunks = convertAssembledChatStreamToChunks(assembled);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta ?? (chunk.usage ? 'usage' : undefined))).toEqual([
      { role: 'assistant' },
      { content: 'Let me check.' },
      { tool_calls: [{ index: 0, id: 'call_a', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } }] },
      { tool_calls: [{ index: 1, id: 'call_b', type: 'function', function: { name: 'time', arguments: '{}' } }] },
      {},
      'usage',
    ]);
    expect(chunks[4]?.choices[0]?.finish_reason).toBe('tool_calls');
    expect(chunks.every((chunk) => chunk.id === 'chatcmpl-1' && chunk.object === 'chat.completion.chunk' && chunk.model === 'llama')).toBe(true);
    expect(assemble(chunks).result()).toEqual(assembled);
  });

  it('emits no usage chunk when the stream reported none', () => {
    const chunks = convertAssembledChatStreamToChunks(assemble(toolStream.slice(0, -1)).result());
    expect(chunks.some((chunk) => chunk.usage !== undefined)).toBe(false);
  });
});

describe('convertAssembledChatStreamToResponse', () => {
  it('gives the response chat would have returned', () => {
    expect(convertAssembledChatStreamToResponse(assemble(toolStream).result())).toEqual({
      id: 'chatcmpl-1',
      object: 'chat.completion',
      created: 1_700_000_000,
      model: 'llama',
      choices: [
        {
          index: 0,
          message: {
            role: 'assistant',
            content: 'Let me check.',
            tool_calls: [
              { id: 'call_a', type: 'function', function: { name: 'weather', arguments: '{"city":"Oslo"}' } },
              { id: 'call_b', type: 'function', function: { name: 'time', arguments: '{}' } },
            ],
          },
          finish_reason: 'tool_calls',
        },
      ],
      usage,
    });
  });
});

describe('convertChatResponseToAssembledChatStream', () => {
  it('is the inverse of convertAssembledChatStreamToResponse', () => {
    const assembled = assemble(toolStream).result();
    expect(convertChatResponseToAssembledChatStream(convertAssembledChatStreamToResponse(assembled))).toEqual(assembled);
  });

  it('replays a JSON completion as chunks that assemble to its text and usage', () => {
    const response = {
      id: 'chatcmpl-json',
      object: 'chat.completion',
      created: 1,
      model: 'gpt-4',
      choices: [{ index: 0, message: { role: 'assistant', content: 'Hello! How can I help you today?' }, finish_reason: 'stop' }],
      usage: { prompt_tokens: 8, completion_tokens: 9, total_tokens: 17 },
    };
    const chunks = convertAssembledChatStreamToChunks(convertChatResponseToAssembledChatStream(response));
    const replayed = convertAssembledChatStreamToResponse(assemble(chunks).result());
    expect(replayed).toEqual(response);
  });
});

describe('annotations', () => {
  const citation = (start: number, end: number, url: string) => ({ type: 'url_citation', url_citation: { start_index: start, end_index: end, url } });
  const cited: ChatCompletionChunk[] = [
    { ...head, choices: [{ index: 0, delta: { role: 'assistant', content: 'Oslo is ' }, finish_reason: null }] },
    { ...head, choices: [{ index: 0, delta: { content: 'cold.', annotations: [citation(0, 4, 'https://a.example/')] }, finish_reason: null }] },
    { ...head, choices: [{ index: 0, delta: { annotations: [citation(8, 13, 'https://b.example/')] }, finish_reason: 'stop' }] },
  ];

  it('appends them over chunks, stays replayable, and keeps them through the response and its replay', () => {
    const accumulator = assemble(cited);
    expect(accumulator.replayable).toBe(true);
    const response = convertAssembledChatStreamToResponse(accumulator.result());
    expect(response.choices[0]?.message.annotations).toEqual([citation(0, 4, 'https://a.example/'), citation(8, 13, 'https://b.example/')]);
    expect(convertChatResponseToAssembledChatStream(response)).toEqual(accumulator.result());
    const replayed = convertAssembledChatStreamToChunks(accumulator.result());
    expect(convertAssembledChatStreamToResponse(assemble(replayed).result())).toEqual(response);
  });
});

describe('convertAssembledChatStreamToResponse: shape', () => {
  it('writes the fields of a response in their usual order and leaves absent ones out', () => {
    const response = convertAssembledChatStreamToResponse({
      id: 'c1',
      created: 7,
      model: 'm',
      system_fingerprint: 'fp',
      service_tier: 'default',
      choices: [
        {
          index: 0,
          role: 'assistant',
          content: 'hi',
          reasoning_content: 'r',
          refusal: 'no',
          tool_calls: [{ index: 0, id: 't1', type: 'function', function: { name: 'f', arguments: '{}' } }, { index: 1, function: { arguments: '' } }],
          finish_reason: 'stop',
          native_finish_reason: 'end_turn',
        },
      ],
      usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
    });
    expect(JSON.stringify(response)).toBe(
      JSON.stringify({
        id: 'c1',
        object: 'chat.completion',
        created: 7,
        model: 'm',
        system_fingerprint: 'fp',
        service_tier: 'default',
        choices: [
          {
            index: 0,
            message: {
              role: 'assistant',
              content: 'hi',
              reasoning_content: 'r',
              refusal: 'no',
              tool_calls: [
                { id: 't1', type: 'function', function: { name: 'f', arguments: '{}' } },
                { type: 'function', function: { arguments: '' } },
              ],
            },
            finish_reason: 'stop',
            native_finish_reason: 'end_turn',
          },
        ],
        usage: { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 },
      }),
    );
    const bare = convertAssembledChatStreamToResponse({ choices: [{ index: 0, tool_calls: [], finish_reason: null }] });
    expect(Object.keys(bare)).toEqual(['object', 'choices']);
    expect(bare.choices[0]).toEqual({ index: 0, message: { role: 'assistant', content: null }, finish_reason: null });
    expect(Object.keys(bare.choices[0]?.message ?? {})).toEqual(['role', 'content']);
  });
});
