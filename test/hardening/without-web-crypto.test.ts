import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient } from '../../src/index.js';
import { createRandomId } from '../../src/transport/create-random-id.js';
import { createTestServiceAccount, type TestServiceAccount } from '../dialects/vertex-ai/create-test-service-account.js';

/**
 * A browser page served over plain http has no `crypto.subtle` (nor `crypto.randomUUID`): only
 * secure origins get them. What needs Web Crypto (the cache's hashes, Bedrock's SigV4 signature,
 * Vertex AI's service-account token) fails with a ConfigurationError that says why, before any
 * request and without a retry; what needs only randomness (rate-limit, cooldown and budget ids)
 * still works.
 */
const messages = [{ role: 'user' as const, content: 'hi' }];
const reply = { id: 'x', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }] };
const realCrypto = globalThis.crypto;
let account: TestServiceAccount;

beforeAll(async () => {
  account = await createTestServiceAccount('http://127.0.0.1:9/token');
});
afterEach(() => {
  vi.unstubAllGlobals();
});

/** A plain-http page: `getRandomValues` only. */
function insecureOrigin(): void {
  vi.stubGlobal('crypto', { getRandomValues: realCrypto.getRandomValues.bind(realCrypto) });
}

function countingFetch(): { fetch: typeof fetch; calls: () => number } {
  let calls = 0;
  return {
    calls: () => calls,
    fetch: async () => {
      calls += 1;
      return new Response(JSON.stringify(reply), { status: 200, headers: { 'content-type': 'application/json' } });
    },
  };
}

async function rejection(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  return promise.then(
    () => {
      throw new Error('expected a rejection');
    },
    (error: unknown) => error as Error & Record<string, unknown>,
  );
}

function expectWhy(error: Error & Record<string, unknown>, provider?: string): void {
  expect(error).toMatchObject({ name: 'ConfigurationError', kind: 'Configuration', retryable: false });
  if (provider !== undefined) expect(error.provider).toBe(provider);
  expect(error.message).toContain('Web Crypto (crypto.subtle)');
  expect(error.message).toContain('secure origins (https, or localhost)');
}

describe('without Web Crypto (a page on a plain-http origin)', () => {
  it('the cache says why, and nothing is sent', async () => {
    const wire = countingFetch();
    insecureOrigin();
    const client = createClient({ apiKeys: { groq: 'k' }, cache: true, fetch: wire.fetch });
    const error = await rejection(client.chat({ model: 'groq/llama-3.3-70b-versatile', messages }));
    expectWhy(error);
    expect(error.message).toContain('cache');
    expect(wire.calls()).toBe(0);
  });

  it('Bedrock SigV4 says why, not retried as a NetworkError', async () => {
    const wire = countingFetch();
    insecureOrigin();
    const client = createClient({
      providers: { bedrock: { aws: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY', region: 'us-east-1' } } },
      fetch: wire.fetch,
      maxRetries: 2,
    });
    const error = await rejection(client.chat({ model: 'bedrock/anthropic.claude-3-haiku-20240307-v1:0', messages }));
    expectWhy(error, 'bedrock');
    expect(error.message).toContain('SigV4');
    expect(error.message).not.toContain('wJalrXUtnFEMI');
    expect(wire.calls()).toBe(0);
  });

  it('Vertex AI service-account tokens say why', async () => {
    const wire = countingFetch();
    insecureOrigin();
    const client = createClient({
      providers: { vertex_ai: { serviceAccount: account.json, urlVariables: { project: 'test-project', location: 'us-central1' } } },
      fetch: wire.fetch,
      maxRetries: 2,
    });
    const error = await rejection(client.chat({ model: 'vertex_ai/gemini-2.5-flash', messages }));
    expectWhy(error, 'vertex_ai');
    expect(error.message).toContain('Vertex AI');
    expect(wire.calls()).toBe(0);
  });

  it('rate limits, cooldown and budgets need only random ids, and work', async () => {
    const wire = countingFetch();
    insecureOrigin();
    const client = createClient({ apiKeys: { groq: 'k' }, rateLimit: { rpm: 100 }, cooldown: true, budget: { limitUsd: 10 }, fetch: wire.fetch });
    await client.chat({ model: 'groq/llama-3.3-70b-versatile', messages });
    expect(wire.calls()).toBe(1);
  });

  it('random ids fall back to getRandomValues as version 4 UUIDs', () => {
    insecureOrigin();
    const ids = new Set(Array.from({ length: 100 }, () => createRandomId()));
    expect(ids.size).toBe(100);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('with no crypto at all, a random id is a ConfigurationError', () => {
    vi.stubGlobal('crypto', undefined);
    expect(() => createRandomId()).toThrow(expect.objectContaining({ kind: 'Configuration' }));
  });
});
