import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callInfo, createClient, type Middleware } from '../../src/index.js';
import { chatResponse, sendJson, startMockServer, type MockServer } from '../support/mock-server.js';

let primary: MockServer;
let backup: MockServer;
const messages = [{ role: 'user' as const, content: 'Hi' }];

beforeAll(async () => {
  primary = await startMockServer();
  backup = await startMockServer();
});
afterAll(async () => {
  await primary.close();
  await backup.close();
});
beforeEach(() => {
  primary.requests.length = 0;
  backup.requests.length = 0;
  primary.handle(sendJson(200, chatResponse('from primary')));
  backup.handle(sendJson(200, chatResponse('from backup')));
});

describe('createClient middleware options', () => {
  it('adds no layer that is not configured', async () => {
    const seen: string[] = [];
    const probe: Middleware = async (context, next) => {
      seen.push(context.operation);
      return next(context);
    };
    const client = createClient({ providers: { groq: { baseURL: primary.url, apiKey: 'gsk-stack-test-key' } }, middleware: [probe] });
    const reply = await client.chat({ model: 'groq/x', messages });
    expect(seen).toEqual(['chat']);
    expect(callInfo(reply).cache).toBe('bypass');
  });

  it('cache: true serves the second identical call from the cache', async () => {
    const client = createClient({ providers: { groq: { baseURL: primary.url, apiKey: 'gsk-stack-test-key' } }, cache: true });
    const first = await client.chat({ model: 'groq/x', messages });
    const second = await client.chat({ model: 'groq/x', messages });
    expect(callInfo(first).cache).toBe('miss');
    expect(callInfo(second).cache).toBe('hit');
    expect(second.choices[0]?.message.content).toBe('from primary');
    expect(primary.requests).toHaveLength(1);
    const bypassed = await client.chat({ model: 'groq/x', messages }, { cache: false });
    expect(callInfo(bypassed).cache).toBe('bypass');
    expect(primary.requests).toHaveLength(2);
  });

  it('fallback moves to the next model on a retryable error and records it', async () => {
    primary.handle(sendJson(503, { error: { message: 'down' } }));
    const client = createClient({
      providers: { groq: { baseURL: primary.url, apiKey: 'gsk-stack-test-key' }, cerebras: { baseURL: backup.url, apiKey: 'csk-stack-test-key' } },
      maxRetries: 0,
      fallback: { models: { 'groq/x': ['cerebras/y'] } },
    });
    const reply = await client.chat({ model: 'groq/x', messages });
    expect(reply.choices[0]?.message.content).toBe('from backup');
    expect(callInfo(reply)).toMatchObject({ provider: 'cerebras', model: 'y', fallbacks: ['groq/x'] });
  });

  it('router serves an alias from its deployments, skipping a failing one', async () => {
    primary.handle(sendJson(500, { error: { message: 'broken' } }));
    const client = createClient({
      providers: { groq: { baseURL: primary.url, apiKey: 'gsk-stack-test-key' }, cerebras: { baseURL: backup.url, apiKey: 'csk-stack-test-key' } },
      maxRetries: 0,
      router: { smart: { strategy: 'round-robin', deployments: [{ model: 'groq/x' }, { model: 'cerebras/y' }] } },
    });
    for (let index = 0; index < 3; index += 1) {
      const reply = await client.chat({ model: 'smart', messages });
      expect(reply.choices[0]?.message.content).toBe('from backup');
    }
    client.close();
  });

  it('hooks run once per call and can reject it', async () => {
    const calls: string[] = [];
    const client = createClient({
      providers: { groq: { baseURL: primary.url, apiKey: 'gsk-stack-test-key' } },
      hooks: [
        {
          onRequest: (event) => {
            calls.push('request');
            if (JSON.stringify(event.request).includes('forbidden')) throw new Error('guardrail');
            return undefined;
          },
          onResponse: () => {
            calls.push('response');
          },
          onError: () => {
            calls.push('error');
          },
        },
      ],
    });
    await client.chat({ model: 'groq/x', messages });
    expect(calls).toEqual(['request', 'response']);
    await expect(client.chat({ model: 'groq/x', messages: [{ role: 'user', content: 'forbidden' }] })).rejects.toMatchObject({ kind: 'HookRejected' });
    expect(calls).toEqual(['request', 'response', 'request', 'error']);
    expect(primary.requests).toHaveLength(1);
  });

  it('rejects bad middleware options by field', () => {
    expect(() => createClient({ rateLimit: {} })).toThrow(/rateLimit/);
    expect(() => createClient({ cache: { ttlMs: -1 } })).toThrow(/cache\.ttlMs/);
  });
});
