import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError, NetworkError } from '../../src/errors/error-classes.js';
import { isLoadFailure } from '../../src/loading/create-load-failure.js';
import { memoizeImport } from '../../src/loading/memoize-import.js';
import { sendWithRetry } from '../../src/transport/send-with-retry.js';
import { sendJson, startMockServer, type MockServer } from '../support/mock-server.js';

/** What a browser throws when a chunk cannot be fetched (a deploy replaced it, the network dropped). */
const chunkError = () => new TypeError('Failed to fetch dynamically imported module: https://app.example/chunks/anthropic-dialect-X1.js');

/** An injected loader that fails the first `failures` times, then loads. */
function flakyLoader<T>(value: T, failures = 1): { load: () => Promise<T>; runs: () => number } {
  let runs = 0;
  return {
    runs: () => runs,
    load: async () => {
      runs += 1;
      if (runs <= failures) throw chunkError();
      return value;
    },
  };
}

let server: MockServer;
beforeAll(async () => {
  server = await startMockServer(sendJson(200, { ok: true }));
});
afterAll(() => server.close());

describe('a lazily loaded chunk that fails to load', () => {
  it('is a retryable NetworkError naming what failed, with the runtime error as cause; the next call loads again', async () => {
    const flaky = flakyLoader({ dialect: 'anthropic' });
    const load = memoizeImport(flaky.load, 'the anthropic dialect');
    const error = await load().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error).toMatchObject({ kind: 'Network', retryable: true });
    expect((error as Error).message).toBe(
      'could not load the anthropic dialect: Failed to fetch dynamically imported module: https://app.example/chunks/anthropic-dialect-X1.js',
    );
    expect((error as Error).cause).toBeInstanceOf(TypeError);
    expect(isLoadFailure(error)).toBe(true);
    await expect(load()).resolves.toEqual({ dialect: 'anthropic' });
    expect(flaky.runs()).toBe(2);
  });

  it('an error the loaded code raised on purpose passes unchanged', async () => {
    const refusal = new ConfigurationError('bad options');
    const load = memoizeImport(async () => {
      throw refusal;
    }, 'the middleware layers');
    await expect(load()).rejects.toBe(refusal);
  });

  it('the retry loop sends again when the authorizer chunk failed to load, and that load is retried', async () => {
    server.requests.length = 0;
    const flaky = flakyLoader({ authorization: 'Bearer token' });
    const load = memoizeImport(flaky.load, 'the vertex_ai dialect');
    const result = await sendWithRetry({
      url: `${server.url}/v1/thing`,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
      maxRetries: 2,
      timeoutMs: 10_000,
      mode: 'json',
      provider: 'mock',
      secrets: [],
      sleep: async () => undefined,
      random: () => 0,
      authorize: async () => load(),
      // Only requests that surely never left may be sent again: a chunk that did not load is one.
      onlyRetryUnsent: true,
    });
    expect(result.attempts).toBe(2);
    expect(flaky.runs()).toBe(2);
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.headers.authorization).toBe('Bearer token');
  });
});
