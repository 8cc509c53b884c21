import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../src/index.js';

/**
 * Deno 2 without `--allow-env` throws on every `process.env` read. A fake `process.env` that does
 * the same, and records each name asked for, holds the client to reading a provider's variables only
 * when that provider is used, and to taking "not permitted" as "not set".
 */
const originalEnv = process.env;
let reads: string[] = [];
/**
 * Read by Node itself, not by the client: module loading reads NODE_V8_COVERAGE, the undici inside
 * Node's fetch reads UNDICI_NO_FG and JEST_WORKER_ID. Deno has none of these reads.
 */
const RUNTIME_OWN = /^(NODE_|UV_|V8_|UNDICI_|JEST_WORKER_ID$)/;

/** Runs `action` with the environment forbidden, restored before any assertion runs. */
async function withoutEnvironment<T>(action: () => T | Promise<T>, allowed: Record<string, string> = {}): Promise<T> {
  forbidEnvironment(allowed);
  try {
    return await action();
  } finally {
    process.env = originalEnv;
  }
}

function forbidEnvironment(allowed: Record<string, string>): void {
  reads = [];
  const refuse = (name: string | symbol): never => {
    throw new Error(`Requires env access to "${String(name)}", run again with the --allow-env flag`);
  };
  process.env = new Proxy({} as NodeJS.ProcessEnv, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      if (RUNTIME_OWN.test(name)) return originalEnv[name];
      reads.push(name);
      return Object.hasOwn(allowed, name) ? allowed[name] : refuse(name);
    },
    has: (_target, name) => refuse(name),
    ownKeys: () => refuse('*'),
  });
}

const messages = [{ role: 'user' as const, content: 'hi' }];
const CANARY = 'gsk-env-canary-5d1c7e9a3b2f';

/** A fetch that answers `status` with `body` and keeps the request headers it was given. */
function recordingFetch(status: number, body: unknown): { fetch: typeof fetch; headers: Array<Record<string, string>> } {
  const headers: Array<Record<string, string>> = [];
  return {
    headers,
    fetch: async (_url, init) => {
      headers.push(Object.fromEntries(new Headers(init?.headers).entries()));
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    },
  };
}

const reply = { id: 'x', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }] };

describe('environment variables are read only for providers in use', () => {
  it('createClient with explicit keys reads no environment variable', async () => {
    const client = await withoutEnvironment(() =>
      createClient({ apiKeys: { groq: 'k1', anthropic: 'k2' }, providers: { openai: { apiKey: 'k3' } } }),
    );
    expect(client.provider('groq').id).toBe('groq');
    expect(reads).toEqual([]);
  });

  it('createClient with no options reads no environment variable', async () => {
    await withoutEnvironment(() => createClient({ modelHint: 'openai' }));
    expect(reads).toEqual([]);
  });

  it("a call with an explicit key sends it and reads no variable", async () => {
    const wire = recordingFetch(200, reply);
    await withoutEnvironment(() =>
      createClient({ apiKeys: { groq: 'k1' }, fetch: wire.fetch }).chat({ model: 'groq/llama-3.3-70b-versatile', messages }),
    );
    expect(wire.headers[0]?.authorization).toBe('Bearer k1');
    expect(reads).toEqual([]);
  });

  it("a call to a provider reads that provider's variables only, a refused read is unset", async () => {
    const wire = recordingFetch(200, reply);
    const error = await withoutEnvironment(() =>
      createClient({ fetch: wire.fetch, maxRetries: 0 })
        .chat({ model: 'anthropic/claude-sonnet-4-5', messages })
        .catch((caught: unknown) => caught),
    );
    expect(error).toMatchObject({ kind: 'Authentication', provider: 'anthropic' });
    expect(String((error as Error).message)).toContain('ANTHROPIC_API_KEY');
    expect(new Set(reads)).toEqual(new Set(['ANTHROPIC_API_KEY']));
    expect(wire.headers).toEqual([]);
  });

  it('a key read from the environment is sent, and scrubbed from errors that echo it', async () => {
    const wire = recordingFetch(401, { error: { message: `Invalid API key ${CANARY}` }, key: CANARY });
    const error = await withoutEnvironment(
      () =>
        createClient({ fetch: wire.fetch, maxRetries: 0 })
          .chat({ model: 'groq/llama-3.3-70b-versatile', messages })
          .catch((caught: unknown) => caught),
      { GROQ_API_KEY: CANARY },
    );
    expect(wire.headers[0]?.authorization, String(error)).toBe(`Bearer ${CANARY}`);
    expect(error).toMatchObject({ kind: 'Authentication', provider: 'groq' });
    const shown = [JSON.stringify(error), String(error), inspect(error, { depth: 10, showHidden: true }), (error as Error).stack].join('\n');
    expect(shown).not.toContain(CANARY);
    expect(new Set(reads)).toEqual(new Set(['GROQ_API_KEY']));
  });
});
