import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callInfo, createClient, RateLimitedError, ServiceUnavailableError, type ChatCompletionChunk } from '../../../src/index.js';
import type { Middleware } from '../../../src/middleware/compose.js';
import type { CallContext, Next } from '../../../src/call/call-context.js';
import { createCooldownMiddleware } from '../../../src/middleware/cooldown/create-cooldown-middleware.js';
import { createRateLimitMiddleware } from '../../../src/middleware/rate-limit/create-rate-limit-middleware.js';
import { chatChunk, chatResponse, sendJson, sendSse, startMockServer, type MockServer, type MockHandler } from '../../support/mock-server.js';
import { createFakeClock } from '../../support/fake-clock.js';

let server: MockServer;
const messages = [{ role: 'user' as const, content: 'hi' }];

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

/** Answers by the model in the request body. */
function byModel(handlers: Record<string, MockHandler>): MockHandler {
  return (request, response) => {
    const model = (request.body as { model?: string } | undefined)?.model ?? '';
    const handler = handlers[model] ?? sendJson(404, { error: { message: `no model ${model}` } });
    return handler(request, response);
  };
}

/** A minimal fallback: tries the request's model, then each of `models`, on retryable errors. */
function fakeFallback(models: string[]): Middleware {
  return async function fallback(context: CallContext, next: Next) {
    const candidates = [(context.request as { model: string }).model, ...models];
    let lastError: unknown;
    for (const [index, model] of candidates.entries()) {
      if (index > 0) context.info.fallbacks.push(candidates[index - 1] as string);
      try {
        return await next({ ...context, route: context.services.resolveRoute(model) });
      } catch (error) {
        lastError = error;
        if (!(error as { retryable?: boolean }).retryable) throw error;
      }
    }
    throw lastError;
  };
}

function client(middleware: Middleware[]) {
  return createClient({
    providers: { groq: { baseURL: server.url, apiKey: 'k' }, openai: { baseURL: server.url, apiKey: 'k' } },
    maxRetries: 0,
    middleware,
  });
}

const sentModels = () => server.requests.map((request) => (request.body as { model: string }).model);

describe('cooldown inside a client', () => {
  it('cools a failing deployment on the fallback path and stops sending to it', async () => {
    server.handle(byModel({ 'llama-3.3-70b-versatile': sendJson(503, { error: { message: 'overloaded' } }), 'gpt-4o-mini': sendJson(200, chatResponse('from openai')) }));
    const clock = createFakeClock();
    const llm = client([fakeFallback(['openai/gpt-4o-mini']), createCooldownMiddleware({ failures: 2, durationMs: 30_000 }, { clock })]);
    for (let index = 0; index < 2; index += 1) {
      const response = await llm.chat({ model: 'groq/llama-3.3-70b-versatile', messages });
      expect(response.choices[0]?.message.content).toBe('from openai');
    }
    expect(sentModels()).toEqual(['llama-3.3-70b-versatile', 'gpt-4o-mini', 'llama-3.3-70b-versatile', 'gpt-4o-mini']);
    server.requests.length = 0;
    const response = await llm.chat({ model: 'groq/llama-3.3-70b-versatile', messages });
    expect(sentModels()).toEqual(['gpt-4o-mini']);
    expect(callInfo(response)).toMatchObject({ provider: 'openai', model: 'gpt-4o-mini', fallbacks: ['groq/llama-3.3-70b-versatile'] });
    await clock.advance(30_000);
    server.requests.length = 0;
    await llm.chat({ model: 'groq/llama-3.3-70b-versatile', messages });
    expect(sentModels()).toEqual(['llama-3.3-70b-versatile', 'gpt-4o-mini']);
  });

  it('fails fast with ServiceUnavailableError and never cools for a 400', async () => {
    const llm = client([createCooldownMiddleware({ failures: 1 })]);
    server.handle(sendJson(400, { error: { message: 'bad parameter', type: 'invalid_request_error' } }));
    for (let index = 0; index < 3; index += 1) {
      await expect(llm.chat({ model: 'groq/llama-3.3-70b-versatile', messages })).rejects.toMatchObject({ status: 400 });
    }
    expect(server.requests).toHaveLength(3);
    server.handle(sendJson(500, { error: { message: 'boom' } }));
    await expect(llm.chat({ model: 'groq/llama-3.3-70b-versatile', messages })).rejects.toMatchObject({ status: 500 });
    const error = await llm.chat({ model: 'groq/llama-3.3-70b-versatile', messages }).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect((error as Error).message).toContain('groq/llama-3.3-70b-versatile is cooling down');
    expect(server.requests).toHaveLength(4);
  });

  it('counts a stream that breaks mid-way', async () => {
    const llm = client([createCooldownMiddleware({ failures: 1 })]);
    server.handle(sendSse([chatChunk('partial')], { done: false }));
    const chunks: ChatCompletionChunk[] = [];
    const error = await (async () => {
      for await (const chunk of llm.chatStream({ model: 'groq/llama-3.3-70b-versatile', messages })) chunks.push(chunk);
    })().catch((thrown: unknown) => thrown);
    expect(chunks).toHaveLength(1);
    expect((error as { kind?: string }).kind).toBe('Stream');
    const cooled = await (async () => {
      for await (const _chunk of llm.chatStream({ model: 'groq/llama-3.3-70b-versatile', messages })) break;
    })().catch((thrown: unknown) => thrown);
    expect(cooled).toBeInstanceOf(ServiceUnavailableError);
    expect(server.requests).toHaveLength(1);
  });

  it('does not cool a deployment for the rate limiter inside it (cooldown > rate limit)', async () => {
    server.handle(sendJson(200, chatResponse('ok')));
    const llm = client([createCooldownMiddleware({ failures: 1 }), createRateLimitMiddleware({ rpm: 1, mode: 'reject' })]);
    await llm.chat({ model: 'groq/llama-3.3-70b-versatile', messages });
    for (let index = 0; index < 2; index += 1) {
      await expect(llm.chat({ model: 'groq/llama-3.3-70b-versatile', messages })).rejects.toBeInstanceOf(RateLimitedError);
    }
    expect(server.requests).toHaveLength(1);
  });
});
