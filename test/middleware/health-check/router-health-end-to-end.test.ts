import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callInfo, createClient } from '../../../src/index.js';
import { createHealthCheckMiddleware, type HealthCheckMiddleware } from '../../../src/middleware/health-check/create-health-check-middleware.js';
import { createRouterMiddleware } from '../../../src/middleware/router/create-router-middleware.js';
import { createFakeClock, type FakeClock } from '../../support/fake-clock.js';
import { chatChunk, chatResponse, sseBody, startMockServer, type MockHandler, type MockServer } from '../../support/mock-server.js';

let east: MockServer;
let west: MockServer;

const healthy = (name: string): MockHandler => (request, response) => {
  if (request.path === '/models') {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ object: 'list', data: [{ id: 'llama', object: 'model', created: 0, owned_by: name }] }));
    return;
  }
  if ((request.body as { stream?: boolean }).stream === true) {
    response.writeHead(200, { 'content-type': 'text/event-stream' });
    response.end(sseBody([chatChunk(`from ${name}`), chatChunk(undefined, 'stop')]));
    return;
  }
  response.writeHead(200, { 'content-type': 'application/json' });
  response.end(JSON.stringify(chatResponse(`from ${name}`)));
};

const failing: MockHandler = (_request, response) => {
  response.writeHead(503, { 'content-type': 'application/json' });
  response.end(JSON.stringify({ error: { message: 'east is down' } }));
};

beforeAll(async () => {
  east = await startMockServer();
  west = await startMockServer();
});
afterAll(async () => {
  await east.close();
  await west.close();
});

const messages = [{ role: 'user' as const, content: 'Hi' }];
const chats = (server: MockServer): number => server.requests.filter((request) => request.path === '/chat/completions').length;
const probes = (server: MockServer): number => server.requests.filter((request) => request.path === '/models').length;

describe('router + health checks through createClient', () => {
  let timer: FakeClock;
  let health: HealthCheckMiddleware;
  let client: ReturnType<typeof createClient>;

  beforeEach(() => {
    east.requests.length = 0;
    west.requests.length = 0;
    east.handle(failing);
    west.handle(healthy('west'));
    timer = createFakeClock();
    health = createHealthCheckMiddleware({ intervalMs: 10_000, failureThreshold: 2, recoveryThreshold: 1 }, { timer });
    const router = createRouterMiddleware(
      {
        smart: {
          deployments: [
            { model: 'groq/llama', baseURL: east.url, id: 'east' },
            { model: 'groq/llama', baseURL: west.url, id: 'west' },
          ],
        },
      },
      { isAvailable: health.isHealthy },
    );
    // modelHint lets the client accept the bare alias before the router replaces its route.
    client = createClient({ providers: { groq: { apiKey: 'k' } }, modelHint: 'groq', maxRetries: 0, middleware: [router, health] });
  });

  it('serves calls from the healthy deployment, records the failover, then skips the unhealthy one', async () => {
    const first = await client.chat({ model: 'smart', messages });
    expect(first.choices[0]?.message.content).toBe('from west');
    expect(callInfo(first)).toMatchObject({ provider: 'groq', model: 'llama', fallbacks: ['east'], attempts: 2 });
    expect([chats(east), chats(west)]).toEqual([1, 1]);

    // Two failed probes of east mark it unhealthy; west stays healthy.
    await timer.fire();
    await timer.fire();
    expect([probes(east), probes(west)]).toEqual([2, 2]);
    expect(health.status().map((entry) => [entry.endpoint, entry.healthy])).toEqual([
      [east.url, false],
      [west.url, true],
    ]);

    for (let index = 0; index < 4; index += 1) {
      const reply = await client.chat({ model: 'smart', messages });
      expect(reply.choices[0]?.message.content).toBe('from west');
      expect(callInfo(reply).fallbacks).toEqual([]);
    }
    expect([chats(east), chats(west)]).toEqual([1, 5]);

    // A stream is served by west as well.
    const stream = client.chatStream({ model: 'smart', messages });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(text).toBe('from west');
    expect(callInfo(stream)).toMatchObject({ provider: 'groq', model: 'llama', fallbacks: [], complete: true });

    // East recovers: one good probe brings it back, and round-robin uses it again.
    east.handle(healthy('east'));
    await timer.fire();
    const served = [];
    for (let index = 0; index < 2; index += 1) served.push((await client.chat({ model: 'smart', messages })).choices[0]?.message.content);
    expect(served.sort()).toEqual(['from east', 'from west']);
    health.close();
    expect(timer.scheduled.every((entry) => entry.stopped)).toBe(true);
  });

  it('fails with a retryable ServiceUnavailableError naming the alias when every deployment is unhealthy', async () => {
    west.handle(failing);
    await client.chat({ model: 'smart', messages }).catch(() => undefined);
    await timer.fire();
    await timer.fire();
    const thrown = await client.chat({ model: 'smart', messages }).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(thrown).toMatchObject({ name: 'ServiceUnavailableError', retryable: true, model: 'smart' });
    health.close();
  });
});
