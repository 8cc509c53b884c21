import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callInfo, createClient, isLiterLlmError } from '../../../src/index.js';
import { createCacheMiddleware } from '../../../src/middleware/cache/create-cache-middleware.js';
import type { Middleware } from '../../../src/middleware/compose.js';
import { createHooksMiddleware } from '../../../src/middleware/hooks/create-hooks-middleware.js';
import type { Hook, HookErrorEvent, HookResponseEvent } from '../../../src/middleware/hooks/hook.js';
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

function client(hooks: Hook[], extra: Middleware[] = []) {
  return createClient({
    providers: { groq: { baseURL: server.url, apiKey: 'k' } },
    maxRetries: 0,
    middleware: [createHooksMiddleware(hooks), ...extra],
  });
}

describe('hooks through createClient', () => {
  it('sends the rewritten request and reports the response', async () => {
    server.handle(sendJson(200, chatResponse('Hi')));
    const responses: HookResponseEvent[] = [];
    const llm = client([{ onRequest: ({ request }) => ({ ...request, user: 'tenant-42' }), onResponse: (event) => void responses.push(event) }]);
    const response = await llm.chat({ model, messages });
    expect(server.requests[0]?.body).toMatchObject({ user: 'tenant-42', model: 'llama-3.3-70b-versatile' });
    expect(responses).toHaveLength(1);
    expect(responses[0]?.response).toBe(response);
    expect(responses[0]).toMatchObject({ route: { provider: 'groq', model: 'llama-3.3-70b-versatile' }, info: { attempts: 1, usage: { total_tokens: 8 } } });
  });

  it('rejects with HookRejectedError and sends nothing when onRequest throws', async () => {
    const llm = client([
      {
        onRequest: () => {
          throw new Error('blocked by policy');
        },
      },
    ]);
    const failure = await llm.chat({ model, messages }).catch((error: unknown) => error);
    expect(isLiterLlmError(failure)).toBe(true);
    expect(failure).toMatchObject({ name: 'HookRejectedError', kind: 'HookRejected', cause: new Error('blocked by policy') });
    expect(server.requests).toHaveLength(0);
  });

  it('runs onError once for a provider error', async () => {
    server.handle(sendJson(500, { error: { message: 'Internal server error' } }));
    const errors: HookErrorEvent[] = [];
    const llm = client([{ onError: (event) => void errors.push(event) }]);
    await expect(llm.chat({ model, messages })).rejects.toMatchObject({ kind: 'ServerError' });
    expect(errors).toHaveLength(1);
    expect(errors[0]?.error).toMatchObject({ kind: 'ServerError', status: 500 });
  });

  it('runs onResponse once when a stream ends, and onError once when it breaks', async () => {
    const events: string[] = [];
    const llm = client([{ onResponse: ({ response, complete }) => void events.push(`response ${complete} ${JSON.stringify((response as { choices: Array<{ message: { content: string } }> }).choices[0]?.message.content)}`), onError: ({ error }) => void events.push(`error ${(error as Error).name}`) }]);
    server.handle(sendSse([chatChunk('Hel'), chatChunk('lo', 'stop')]));
    await collect(llm.chatStream({ model, messages }));
    server.handle(sendSse([chatChunk('cut')], { done: false }));
    await expect(collect(llm.chatStream({ model, messages }))).rejects.toMatchObject({ kind: 'Stream' });
    expect(events).toEqual(['response true "Hello"', 'error StreamError']);
  });

  it('sees cache hits as responses (hooks outside the cache)', async () => {
    server.handle(sendJson(200, chatResponse('Hi')));
    const seen: string[] = [];
    const llm = client([{ onResponse: ({ info }) => void seen.push(info.cache) }], [createCacheMiddleware(true)]);
    await llm.chat({ model, messages });
    const second = await llm.chat({ model, messages });
    expect(seen).toEqual(['miss', 'hit']);
    expect(callInfo(second).cache).toBe('hit');
    expect(server.requests).toHaveLength(1);
  });
});
