import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MIN_RETRY_AFTER_MS, sendWithRetry, type SendWithRetryParams } from '../../src/transport/send-with-retry.js';
import { isConnectFailure } from '../../src/transport/is-connect-failure.js';
import { sendJson, startMockServer, type MockServer } from '../support/mock-server.js';

let server: MockServer;
const sleeps: number[] = [];

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  sleeps.length = 0;
});

function params(overrides: Partial<SendWithRetryParams> = {}): SendWithRetryParams {
  return {
    url: `${server.url}/v1/thing`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
    maxRetries: 5,
    timeoutMs: 10_000,
    mode: 'json',
    provider: 'mock',
    secrets: [],
    sleep: async (milliseconds) => {
      sleeps.push(milliseconds);
    },
    random: () => 0,
    ...overrides,
  };
}

/** A fetch that fails like undici with a socket error of `code`. */
function failingFetch(code: string, calls: { count: number }): typeof fetch {
  return async () => {
    calls.count += 1;
    throw new TypeError('fetch failed', { cause: Object.assign(new Error(code.toLowerCase()), { code }) });
  };
}

describe('sendWithRetry within a call budget', () => {
  it('a server-sent delay under 100 ms is waited as 100 ms', async () => {
    server.handle(sendJson(503, {}, { 'retry-after-ms': '0' }));
    await expect(sendWithRetry(params({ maxRetries: 2 }))).rejects.toMatchObject({ status: 503 });
    expect(sleeps).toEqual([MIN_RETRY_AFTER_MS, MIN_RETRY_AFTER_MS]);
  });

  it('stops once the attempts spent by the whole call reach maxAttempts, and says so', async () => {
    server.handle(sendJson(503, {}));
    let spentBefore = 7;
    const error = (await sendWithRetry(params({ maxAttempts: 10, attemptsSpent: () => spentBefore, onAttempt: () => (spentBefore += 1) })).catch(
      (caught: unknown) => caught,
    )) as Error;
    expect(server.requests.length).toBe(3);
    expect(error.message).toMatch(/maxAttempts \(10\) are spent/);
  });

  it('uses the call deadline, not timeoutMs from this route', async () => {
    server.handle(sendJson(503, {}, { 'retry-after-ms': '200' }));
    // 150 ms left of the call: the 200 ms wait would pass it, so the 503 goes back at once.
    await expect(sendWithRetry(params({ deadlineAt: Date.now() + 150 }))).rejects.toMatchObject({ status: 503 });
    expect(server.requests.length).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('onlyRetryUnsent: a refused connection is retried, a reset is not', async () => {
    const refused = { count: 0 };
    await expect(sendWithRetry(params({ maxRetries: 2, onlyRetryUnsent: true, fetch: failingFetch('ECONNREFUSED', refused) }))).rejects.toMatchObject({
      kind: 'Network',
    });
    expect(refused.count).toBe(3);
    const reset = { count: 0 };
    await expect(sendWithRetry(params({ maxRetries: 2, onlyRetryUnsent: true, fetch: failingFetch('ECONNRESET', reset) }))).rejects.toMatchObject({
      kind: 'Network',
    });
    expect(reset.count).toBe(1);
  });

  it('onlyRetryUnsent: 429 and 503 are retried, 500 and 408 are not', async () => {
    for (const [status, requests] of [[429, 3], [503, 3], [500, 1], [408, 1]] as const) {
      server.requests.length = 0;
      server.handle(sendJson(status, {}));
      await expect(sendWithRetry(params({ maxRetries: 2, onlyRetryUnsent: true }))).rejects.toMatchObject({ status });
      expect(server.requests.length).toBe(requests);
    }
  });
});

describe('isConnectFailure', () => {
  it('reads the code anywhere in the cause chain', () => {
    const refused = new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) });
    expect(isConnectFailure(refused)).toBe(true);
    expect(isConnectFailure(new TypeError('fetch failed', { cause: Object.assign(new Error('x'), { code: 'UND_ERR_SOCKET' }) }))).toBe(false);
    expect(isConnectFailure(new TypeError('fetch failed'))).toBe(false);
    expect(isConnectFailure('ECONNREFUSED')).toBe(false);
  });
});
