import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseGatewayConfig } from '../../gateway/config/load-gateway-config.js';
import { startGatewayServer, type RunningGateway } from '../../gateway/server/start-gateway-server.js';
import { chatResponse, sendJson, startMockServer, type MockServer } from '../support/mock-server.js';

const MASTER = 'master-key-0123456789';

describe('gateway keys: limits, budgets and the admin API (one process, memory)', () => {
  let upstream: MockServer;
  let running: RunningGateway;

  beforeAll(async () => {
    upstream = await startMockServer();
    const config = parseGatewayConfig(
      'gateway.yaml',
      `masterKey: ${MASTER}
server: { port: 0 }
models:
  - name: fast
    model: openai/gpt-4o-mini
keys:
  - name: limited
    key: sk-limited-0123456789
    rpm: 2
  - name: thrifty
    key: sk-thrifty-0123456789
    budgetUsd: 0.001
    budgetPeriod: 30d
  - name: config-key
    key: sk-config-key-0123456789
client:
  providers: { openai: { baseURL: "${upstream.url}/v1", apiKey: sk-upstream-0123456789 } }
  maxRetries: 0
`,
      {},
    );
    running = await startGatewayServer(config);
  });
  afterAll(async () => {
    await running.shutdown();
    await upstream.close();
  });
  beforeEach(() => {
    upstream.requests.length = 0;
    // 1,000 prompt and 1,000 completion tokens of gpt-4o-mini: $0.00075 a call.
    upstream.handle(sendJson(200, chatResponse('ok', { model: 'gpt-4o-mini', usage: { prompt_tokens: 1000, completion_tokens: 1000, total_tokens: 2000 } })));
  });

  const chat = (key: string) =>
    fetch(`${running.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'fast', messages: [{ role: 'user', content: 'Hi' }] }),
    });
  const admin = (method: string, path: string, body?: unknown, key = MASTER) =>
    fetch(`${running.url}${path}`, { method, headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

  it('answers 429 with retry-after once a key is over its rpm, sending nothing upstream', async () => {
    expect((await chat('sk-limited-0123456789')).status).toBe(200);
    expect((await chat('sk-limited-0123456789')).status).toBe(200);
    const third = await chat('sk-limited-0123456789');
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await third.json()) as object).toMatchObject({ error: { type: 'rate_limit_error', code: 'rate_limit_exceeded' } });
    expect(upstream.requests).toHaveLength(2);
  });

  it('answers 429 budget_exceeded once a key has spent its budget, counting cost without costTracking in the config', async () => {
    expect((await chat('sk-thrifty-0123456789')).status).toBe(200);
    expect((await chat('sk-thrifty-0123456789')).status).toBe(200);
    // The spend is recorded as each response completes.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const over = await chat('sk-thrifty-0123456789');
    expect(over.status).toBe(429);
    expect((await over.json()) as object).toMatchObject({ error: { type: 'budget_exceeded' } });
    expect(upstream.requests).toHaveLength(2);
    const described = (await (await admin('GET', '/admin/keys/thrifty')).json()) as { spendUsd: number };
    expect(described.spendUsd).toBeCloseTo(0.0015, 6);
  });

  it('creates a key through the admin API, answers it once, serves it, and deletes it', async () => {
    const created = await admin('POST', '/admin/keys', { name: 'new-team', models: ['fast'], rpm: 100, budgetUsd: 5, budgetPeriod: '7d' });
    expect(created.status).toBe(201);
    const entry = (await created.json()) as { key: string; name: string };
    expect(entry).toMatchObject({ name: 'new-team', models: ['fast'], rpm: 100, budgetUsd: 5, budgetPeriod: '7d', key: expect.stringMatching(/^sk-llm-/) });
    expect((await chat(entry.key)).status).toBe(200);

    const read = (await (await admin('GET', '/admin/keys/new-team')).json()) as Record<string, unknown>;
    expect(read).toMatchObject({ name: 'new-team', spendUsd: expect.any(Number) });
    expect(JSON.stringify(read)).not.toContain(entry.key);
    expect(JSON.stringify(read)).not.toContain('sha256:');

    expect((await admin('POST', '/admin/keys', { name: 'new-team' })).status).toBe(409);
    expect((await admin('POST', '/admin/keys', { name: 'config-key' })).status).toBe(409);
    expect((await admin('DELETE', '/admin/keys/new-team')).status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await chat(entry.key)).status).toBe(401);
    expect((await admin('GET', '/admin/keys/new-team')).status).toBe(404);
  });

  it('revokes a key of the config file through DELETE', async () => {
    expect((await chat('sk-config-key-0123456789')).status).toBe(200);
    expect((await admin('DELETE', '/admin/keys/config-key')).status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await chat('sk-config-key-0123456789')).status).toBe(401);
  });

  it('checks admin bodies like config keys, and lets only the master key in', async () => {
    const bad = await admin('POST', '/admin/keys', { name: 'x', rpn: 5, models: ['fsat'] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { message: string } }).error.message).toContain('rpn: unknown property; did you mean "rpm"?');
    const withKey = await admin('POST', '/admin/keys', { name: 'y', key: 'sk-chosen-by-me-0123' });
    expect(withKey.status).toBe(400);
    expect((await admin('POST', '/admin/keys', { name: 'z' }, 'sk-limited-0123456789')).status).toBe(403);
    expect((await fetch(`${running.url}/admin/keys/thrifty`)).status).toBe(401);
  });
});
