import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chatResponse, sendJson, startMockServer, type MockServer } from '../support/mock-server.js';
import { createOwnedRedisServer, redisServerBinary, type OwnedRedisServer } from '../support/spawn-redis-server.js';
import { within } from '../support/timed.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const MASTER = 'master-key-0123456789';

interface GatewayProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly lines: Array<Record<string, unknown>>;
  readonly exited: Promise<number | null>;
}

/** `liter-llm serve` in a process of its own (the source through tsx, or `bin/liter-llm.js`); resolves once it logs where it listens. */
// tsx as a loader in the gateway's own process (its CLI would run the gateway in a grandchild that
// a SIGKILL of the child leaves running).
async function serveGateway(config: string, command = ['--import', 'tsx', join(root, 'gateway', 'cli', 'main.ts')]): Promise<GatewayProcess> {
  const child = spawn(process.execPath, [...command, 'serve', '--config', config, '--port', '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH ?? '' },
  });
  const lines: Array<Record<string, unknown>> = [];
  let stderr = '';
  child.stderr?.on('data', (data: Buffer) => (stderr += data.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await within(
    20_000,
    'the gateway process to listen',
    new Promise<string>((resolve, reject) => {
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const parsed = JSON.parse(line) as Record<string, unknown>;
        lines.push(parsed);
        if (parsed.message === 'listening') resolve(String(parsed.url));
      });
      void exited.then((code) => reject(new Error(`the gateway exited with ${code}: ${stderr}`)));
    }),
  );
  return { child, url, lines, exited };
}

const chat = (url: string, key: string) =>
  fetch(`${url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'fast', messages: [{ role: 'user', content: 'Hi' }] }),
  });

describe.skipIf(redisServerBinary === undefined)('two gateway processes on one redis-server', () => {
  let redis: OwnedRedisServer;
  let upstream: MockServer;
  let a: GatewayProcess;
  let b: GatewayProcess;

  beforeAll(async () => {
    redis = await createOwnedRedisServer();
    await redis.start();
    upstream = await startMockServer(sendJson(200, chatResponse('ok', { model: 'gpt-4o-mini', usage: { prompt_tokens: 1000, completion_tokens: 1000, total_tokens: 2000 } })));
    const dir = mkdtempSync(join(tmpdir(), 'liter-llm-gateways-'));
    const config = join(dir, 'gateway.yaml');
    writeFileSync(
      config,
      `masterKey: ${MASTER}
store: { redis: "${redis.url}" }
models:
  - name: fast
    model: openai/gpt-4o-mini
keys:
  - name: shared-rpm
    key: sk-shared-rpm-0123456789
    rpm: 3
  - name: shared-budget
    key: sk-shared-budget-0123456789
    budgetUsd: 0.001
client:
  providers: { openai: { baseURL: "${upstream.url}/v1", apiKey: sk-upstream-0123456789 } }
  maxRetries: 0
`,
    );
    [a, b] = await Promise.all([serveGateway(config), serveGateway(config)]);
  }, 60_000);
  afterAll(async () => {
    for (const gateway of [a, b]) gateway?.child.kill('SIGKILL');
    await upstream?.close();
    await redis?.dispose();
  });

  it('enforce one rpm together', async () => {
    const statuses = [];
    for (const url of [a.url, b.url, a.url, b.url]) statuses.push((await chat(url, 'sk-shared-rpm-0123456789')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
  });

  it('enforce one budget together: spend recorded by one refuses on the other', async () => {
    expect((await chat(a.url, 'sk-shared-budget-0123456789')).status).toBe(200);
    expect((await chat(a.url, 'sk-shared-budget-0123456789')).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const refused = await chat(b.url, 'sk-shared-budget-0123456789');
    expect(refused.status).toBe(429);
    expect((await refused.json()) as object).toMatchObject({ error: { type: 'budget_exceeded' } });
  });

  it('see a key created on one within a second on the other, and its revocation too', async () => {
    const created = await fetch(`${a.url}/admin/keys`, { method: 'POST', headers: { authorization: `Bearer ${MASTER}` }, body: JSON.stringify({ name: 'made-on-a' }) });
    expect(created.status).toBe(201);
    const { key } = (await created.json()) as { key: string };
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await chat(b.url, key)).status).toBe(200);
    expect((await fetch(`${b.url}/admin/keys/made-on-a`, { method: 'DELETE', headers: { authorization: `Bearer ${MASTER}` } })).status).toBe(204);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect((await chat(a.url, key)).status).toBe(401);
  });
});

describe('a gateway process asked to stop (SIGTERM)', () => {
  it('stops accepting, lets the request in flight finish, logs no secrets and exits 0', async () => {
    const upstream = await startMockServer(async (request, response) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      sendJson(200, chatResponse('slow answer', { model: 'gpt-4o-mini' }))(request, response);
    });
    const dir = mkdtempSync(join(tmpdir(), 'liter-llm-sigterm-'));
    const config = join(dir, 'gateway.yaml');
    writeFileSync(
      config,
      `keys: [{ name: t, key: sk-sigterm-key-0123456789 }]
server: { shutdownGraceMs: 5000 }
models: [{ name: fast, model: openai/gpt-4o-mini }]
client: { providers: { openai: { baseURL: "${upstream.url}/v1", apiKey: sk-upstream-secret-0123 } }, maxRetries: 0 }
`,
    );
    const gateway = await serveGateway(config);
    try {
      const inFlight = chat(gateway.url, 'sk-sigterm-key-0123456789');
      await new Promise((resolve) => setTimeout(resolve, 300));
      gateway.child.kill('SIGTERM');
      const answer = await inFlight;
      expect(answer.status).toBe(200);
      expect(((await answer.json()) as { choices: Array<{ message: { content: string } }> }).choices[0]?.message.content).toBe('slow answer');
      expect(await within(10_000, 'the gateway to exit', gateway.exited)).toBe(0);
      await expect(chat(gateway.url, 'sk-sigterm-key-0123456789')).rejects.toThrow();
      const logged = JSON.stringify(gateway.lines);
      expect(gateway.lines.some((line) => line.path === '/v1/chat/completions' && line.status === 200)).toBe(true);
      for (const secret of ['sk-sigterm-key-0123456789', 'sk-upstream-secret-0123', 'slow answer', 'Hi']) expect(logged).not.toContain(secret);
    } finally {
      gateway.child.kill('SIGKILL');
      await upstream.close();
    }
  }, 40_000);
});

describe('the example config, as a fresh clone runs it', () => {
  it('starts through bin/liter-llm.js (the package bin) and answers health and its model list', async () => {
    const gateway = await serveGateway(join(root, 'examples', 'gateway.yaml'), [join(root, 'bin', 'liter-llm.js')]);
    try {
      expect((await fetch(`${gateway.url}/health/liveness`)).status).toBe(200);
      const models = (await (await fetch(`${gateway.url}/v1/models`)).json()) as { data: Array<{ id: string }> };
      expect(models.data.map((model) => model.id)).toEqual(['fast', 'smart']);
      gateway.child.kill('SIGTERM');
      expect(await within(10_000, 'the gateway to exit', gateway.exited)).toBe(0);
    } finally {
      gateway.child.kill('SIGKILL');
    }
  }, 40_000);
});
