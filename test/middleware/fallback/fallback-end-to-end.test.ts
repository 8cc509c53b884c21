import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callInfo, createClient, type ChatCompletionChunk, type Middleware } from '../../../src/index.js';
import { createFallbackMiddleware } from '../../../src/middleware/fallback/create-fallback-middleware.js';
import { createRouterMiddleware } from '../../../src/middleware/router/create-router-middleware.js';
import { chatChunk, chatResponse, sseBody, startMockServer, type MockServer } from '../../support/mock-server.js';
import { rejection } from '../../support/fake-stream.js';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  // Models whose name starts with "down" answer 503; the others answer (JSON or SSE, as asked).
  server.handle((request, response) => {
    const body = request.body as { model: string; stream?: boolean };
    if (body.model.startsWith('down')) {
      response.writeHead(503, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: { message: `${body.model} is overloaded` } }));
      return;
    }
    if (body.model.startsWith('first-chunk-fails')) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(sseBody([{ error: { message: 'overloaded', code: 503 } }], false));
      return;
    }
    if (body.stream === true) {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(sseBody([chatChunk(`from ${body.model}`), chatChunk(undefined, 'stop')]));
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(chatResponse(`from ${body.model}`)));
  });
});

const messages = [{ role: 'user' as const, content: 'Hi' }];

function client(middleware: readonly Middleware[]) {
  return createClient({ providers: { groq: { baseURL: server.url, apiKey: 'k' } }, maxRetries: 0, middleware });
}

describe('fallback through createClient', () => {
  it('serves a chat from the fallback model and records the route and the fallback', async () => {
    const llm = client([createFallbackMiddleware({ models: { 'groq/down-1': ['groq/down-2', 'groq/up'] } })]);
    const reply = await llm.chat({ model: 'groq/down-1', messages });
    expect(reply.choices[0]?.message.content).toBe('from up');
    expect(callInfo(reply)).toMatchObject({ provider: 'groq', model: 'up', fallbacks: ['groq/down-1', 'groq/down-2'], attempts: 3 });
    expect(server.requests.map((request) => (request.body as { model: string }).model)).toEqual(['down-1', 'down-2', 'up']);
  });

  it('throws the last error when every model fails, with all errors attached', async () => {
    const llm = client([createFallbackMiddleware({ global: ['groq/down-2'] })]);
    const thrown = (await rejection(llm.chat({ model: 'groq/down-1', messages }))) as Error & { errors: Error[] };
    expect(thrown.name).toBe('ServiceUnavailableError');
    expect(thrown.message).toContain('down-2 is overloaded');
    expect(thrown.errors.map((error) => error.message)).toEqual([
      expect.stringContaining('down-1 is overloaded'),
      expect.stringContaining('down-2 is overloaded'),
    ]);
  });

  it('falls back for a stream that fails to open, and for one whose first chunk is an error', async () => {
    const llm = client([createFallbackMiddleware({ global: ['groq/up'] })]);
    for (const model of ['groq/down', 'groq/first-chunk-fails']) {
      const stream = llm.chatStream({ model, messages });
      const chunks: ChatCompletionChunk[] = [];
      for await (const chunk of stream) chunks.push(chunk);
      expect(chunks.map((chunk) => chunk.choices[0]?.delta?.content ?? '').join('')).toBe('from up');
      expect(callInfo(stream)).toMatchObject({ provider: 'groq', model: 'up', fallbacks: [model], complete: true });
    }
  });

  it('falls back to a router alias, served by its deployment', async () => {
    const llm = client([
      createFallbackMiddleware({ models: { 'groq/down': ['smart'] } }),
      createRouterMiddleware({ smart: { deployments: [{ model: 'groq/down-deployment' }, { model: 'groq/up-deployment' }] } }),
    ]);
    const reply = await llm.chat({ model: 'groq/down', messages });
    expect(reply.choices[0]?.message.content).toBe('from up-deployment');
    expect(callInfo(reply)).toMatchObject({ provider: 'groq', model: 'up-deployment', fallbacks: ['groq/down', 'groq/down-deployment'] });
  });
});
