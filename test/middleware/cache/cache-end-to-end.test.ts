import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callInfo, createClient, type ChatCompletionChunk } from '../../../src/index.js';
import { createCacheMiddleware } from '../../../src/middleware/cache/create-cache-middleware.js';
import { chatChunk, chatResponse, sendJson, sendSse, startMockServer, type MockServer } from '../../support/mock-server.js';
import { collect } from '../../support/fake-stream.js';

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const model = 'groq/llama-3.3-70b-versatile';
const messages = [{ role: 'user' as const, content: 'Hello' }];
const usage = { prompt_tokens: 5, completion_tokens: 3, total_tokens: 8 };

function client(cache = createCacheMiddleware({ streams: true })) {
  return createClient({ providers: { groq: { baseURL: server.url, apiKey: 'k' } }, maxRetries: 0, middleware: [cache] });
}

describe('cache through createClient', () => {
  it('serves the second identical chat from the cache, with callInfo', async () => {
    server.handle(sendJson(200, chatResponse('Hi there!')));
    // Shared scope: per-call headers (here a request id) do not split it; by default they do.
    const llm = client(createCacheMiddleware({ streams: true, scope: 'shared' }));
    const first = await llm.chat({ model, messages });
    expect(callInfo(first)).toMatchObject({ cache: 'miss', attempts: 1, provider: 'groq', model: 'llama-3.3-70b-versatile' });
    const second = await llm.chat({ model, messages }, { headers: { 'x-request-id': 'other' } });
    expect(server.requests).toHaveLength(1);
    expect(second).toEqual(first);
    expect(callInfo(second)).toMatchObject({ cache: 'hit', attempts: 0, provider: 'groq', model: 'llama-3.3-70b-versatile', usage, complete: true });
    expect(callInfo(first).cache).toBe('miss'); // each result keeps its own record
  });

  it('sends again with { cache: false } and for a changed parameter', async () => {
    server.handle(sendJson(200, chatResponse('Hi')));
    const llm = client();
    await llm.chat({ model, messages });
    const bypassed = await llm.chat({ model, messages }, { cache: false });
    expect(callInfo(bypassed).cache).toBe('bypass');
    const changed = await llm.chat({ model, messages, max_tokens: 5 });
    expect(callInfo(changed).cache).toBe('miss');
    expect(server.requests).toHaveLength(3);
  });

  it('caches embeddings', async () => {
    server.handle(sendJson(200, { object: 'list', model: 'embed', data: [{ object: 'embedding', index: 0, embedding: [0.1, 0.2] }], usage: { prompt_tokens: 2, total_tokens: 2 } }));
    const llm = createClient({ providers: { openai: { baseURL: server.url, apiKey: 'k' } }, middleware: [createCacheMiddleware(true)] });
    const first = await llm.embed({ model: 'openai/text-embedding-3-small', input: 'abc' });
    const second = await llm.embed({ model: 'openai/text-embedding-3-small', input: 'abc' });
    expect(second).toEqual(first);
    expect(callInfo(second).cache).toBe('hit');
    expect(server.requests).toHaveLength(1);
  });

  it('does not cache an error response', async () => {
    server.handle(sendJson(500, { error: { message: 'boom' } }));
    const llm = client();
    await expect(llm.chat({ model, messages })).rejects.toMatchObject({ kind: 'ServerError' });
    server.handle(sendJson(200, chatResponse('recovered')));
    const response = await llm.chat({ model, messages });
    expect(callInfo(response).cache).toBe('miss');
    expect(response.choices[0]?.message.content).toBe('recovered');
  });

  it('records a stream and replays it as chunks that give the same text, tool calls and usage', async () => {
    const toolCall = { index: 0, id: 'call_1', type: 'function', function: { name: 'lookup', arguments: '{"q":1}' } };
    server.handle(
      sendSse([
        chatChunk('Hel'),
        chatChunk('lo'),
        { ...chatChunk(undefined), choices: [{ index: 0, delta: { tool_calls: [toolCall] }, finish_reason: null }] },
        chatChunk(undefined, 'tool_calls'),
        { ...chatChunk(undefined), choices: [], usage },
      ]),
    );
    const llm = client();
    const live = llm.chatStream({ model, messages });
    const liveChunks = await collect(live);
    expect(callInfo(live).cache).toBe('miss');
    const replay = llm.chatStream({ model, messages });
    const replayed: ChatCompletionChunk[] = await collect(replay);
    expect(server.requests).toHaveLength(1);
    expect(callInfo(replay)).toMatchObject({ cache: 'hit', usage, complete: true });
    const text = (chunks: ChatCompletionChunk[]) => chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('');
    expect(text(replayed)).toBe(text(liveChunks));
    expect(replayed.flatMap((chunk) => chunk.choices[0]?.delta?.tool_calls ?? [])).toEqual([toolCall]);
    expect(replayed.at(-1)?.usage).toEqual(usage);
  });

  it('does not store a stream the consumer broke out of, and the HTTP request is closed', async () => {
    server.handle(sendSse([chatChunk('a'), chatChunk('b'), chatChunk('c', 'stop')]));
    const llm = client();
    for await (const chunk of llm.chatStream({ model, messages })) {
      expect(chunk.choices[0]?.delta?.content).toBe('a');
      break;
    }
    const again = llm.chatStream({ model, messages });
    await collect(again);
    expect(callInfo(again).cache).toBe('miss');
    expect(server.requests).toHaveLength(2);
  });
});
