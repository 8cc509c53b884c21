import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_RETRY_AFTER_MS, sendWithRetry, type SendWithRetryParams } from '../../src/transport/send-with-retry.js';
import { sendJson, startMockServer, type MockServer } from '../support/mock-server.js';

let server: MockServer;
const sleeps: number[] = [];
const recordSleep = async (milliseconds: number): Promise<void> => {
  sleeps.push(milliseconds);
};

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
    maxRetries: 2,
    timeoutMs: 10_000,
    mode: 'json',
    provider: 'mock',
    secrets: [],
    sleep: recordSleep,
    random: () => 0,
    ...overrides,
  };
}

/** Answers each request with the next status in the list; the last one repeats. */
function sequence(...steps: Array<[number, unknown, Record<string, string>?]>) {
  let index = 0;
  return sendJsonSequence(() => steps[Math.min(index++, steps.length - 1)] as [number, unknown, Record<string, string>?]);
}
function sendJsonSequence(next: () => [number, unknown, Record<string, string>?]) {
  return (request: Parameters<ReturnType<typeof sendJson>>[0], response: Parameters<ReturnType<typeof sendJson>>[1]) => {
    const [status, body, headers] = next();
    return sendJson(status, body, headers)(request, response);
  };
}

describe('sendWithRetry', () => {
  it.each([408, 409, 429, 500, 502, 503, 504])('retries %i and then succeeds', async (status) => {
    server.handle(sequence([status, { error: { message: 'try again' } }], [200, { ok: true }]));
    const result = await sendWithRetry(params());
    expect(result.body).toEqual({ ok: true });
    expect(result.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it.each([400, 401, 403, 404, 422])('does not retry %i', async (status) => {
    server.handle(sendJson(status, { error: { message: 'no' } }));
    await expect(sendWithRetry(params())).rejects.toMatchObject({ status });
    expect(server.requests).toHaveLength(1);
  });

  it('gives up after maxRetries and throws the last error', async () => {
    server.handle(sendJson(503, { error: { message: 'down' } }));
    const attempts: number[] = [];
    await expect(sendWithRetry(params({ onAttempt: () => attempts.push(1) }))).rejects.toMatchObject({
      kind: 'ServiceUnavailable',
      status: 503,
    });
    expect(server.requests).toHaveLength(3);
    expect(attempts).toHaveLength(3);
    expect(sleeps).toEqual([500, 1000]);
  });

  it('honours retry-after-ms, then Retry-After seconds, then an HTTP date', async () => {
    server.handle(
      sequence(
        [429, {}, { 'retry-after-ms': '120' }],
        [429, {}, { 'retry-after': '2' }],
        [200, { ok: 1 }],
      ),
    );
    await sendWithRetry(params({ maxRetries: 3 }));
    expect(sleeps).toEqual([120, 2000]);

    sleeps.length = 0;
    const date = new Date(Date.now() + 5_000).toUTCString();
    server.handle(sequence([503, {}, { 'retry-after': date }], [200, { ok: 1 }]));
    await sendWithRetry(params());
    expect(sleeps[0]).toBeGreaterThan(3_000);
    expect(sleeps[0]).toBeLessThanOrEqual(5_000);
  });

  it('does not wait beyond 60 s: the error goes back with retryAfterMs', async () => {
    server.handle(sendJson(429, { error: { message: 'later' } }, { 'retry-after': String(MAX_RETRY_AFTER_MS / 1000 + 1) }));
    await expect(sendWithRetry(params())).rejects.toMatchObject({ kind: 'RateLimited', retryAfterMs: 61_000 });
    expect(server.requests).toHaveLength(1);
  });

  it('does not retry when the wait would pass the deadline', async () => {
    server.handle(sendJson(429, {}, { 'retry-after': '5' }));
    await expect(sendWithRetry(params({ timeoutMs: 1_000 }))).rejects.toMatchObject({ kind: 'RateLimited' });
    expect(server.requests).toHaveLength(1);
  });

  it('obeys x-should-retry', async () => {
    server.handle(sendJson(400, {}, { 'x-should-retry': 'true' }));
    await expect(sendWithRetry(params({ maxRetries: 1 }))).rejects.toMatchObject({ kind: 'BadRequest' });
    expect(server.requests).toHaveLength(2);
    server.requests.length = 0;
    server.handle(sendJson(500, {}, { 'x-should-retry': 'false' }));
    await expect(sendWithRetry(params())).rejects.toMatchObject({ kind: 'ServerError', retryable: false });
    expect(server.requests).toHaveLength(1);
  });

  it('retries connection errors and reports a NetworkError without the URL secret', async () => {
    const secret = 'sk-query-secret-123456789';
    const closed = await startMockServer();
    const url = `${closed.url}/v1?key=${secret}`;
    await closed.close();
    const error = await sendWithRetry(params({ url, secrets: [secret] })).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'Network', retryable: true });
    expect(sleeps).toHaveLength(2);
    expect(JSON.stringify(error) + String(error) + String((error as Error).cause)).not.toContain(secret);
  });

  it('applies one deadline across attempts (real timers)', async () => {
    let calls = 0;
    server.handle((request, response) => {
      calls += 1;
      // The first attempt fails fast; the retry hangs, so only the shared deadline can end it.
      if (calls === 1) sendJson(503, {})(request, response);
    });
    const started = Date.now();
    await expect(sendWithRetry(params({ timeoutMs: 800, sleep: undefined, maxRetries: 5 }))).rejects.toMatchObject({
      kind: 'Timeout',
    });
    const elapsed = Date.now() - started;
    expect(server.requests).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(750);
    expect(elapsed).toBeLessThan(1_500);
  });

  it('times out a hung server with TimeoutError', async () => {
    server.handle(() => {
      /* never answers */
    });
    await expect(sendWithRetry(params({ timeoutMs: 200, maxRetries: 0 }))).rejects.toMatchObject({ kind: 'Timeout' });
  });

  it('stops with AbortedError when the caller aborts', async () => {
    server.handle(() => {
      /* never answers */
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(sendWithRetry(params({ signal: controller.signal }))).rejects.toMatchObject({ kind: 'Aborted' });
  });

  it('throws InvalidResponseError for a 2xx body that is not JSON', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>gateway</html>');
    });
    await expect(sendWithRetry(params())).rejects.toMatchObject({ kind: 'InvalidResponse', status: 200 });
  });

  it('in stream mode returns at headers and never retries after', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.write('data: {}\n\n');
    });
    const result = await sendWithRetry(params({ mode: 'stream' }));
    expect(result.response.status).toBe(200);
    expect(result.attempts).toBe(1);
    result.abort();
  });
});

describe('sendWithRetry bodies and modes', () => {
  it('text mode returns the body as text without parsing it', async () => {
    server.handle((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/vtt' });
      response.end('WEBVTT\n\nnot json');
    });
    const sent = await sendWithRetry(params({ mode: 'text' }));
    expect(sent.body).toBe('WEBVTT\n\nnot json');
  });

  it('sends a FormData body and retries it with the same parts', async () => {
    server.handle(sequence([503, { error: { message: 'busy' } }], [200, { ok: true }]));
    const form = new FormData();
    form.append('purpose', 'batch');
    form.append('file', new Blob(['abc']), 'a.jsonl');
    const sent = await sendWithRetry(params({ body: form, headers: {} }));
    expect(sent.attempts).toBe(2);
    expect(server.requests.map((request) => request.bodyText.includes('name="purpose"\r\n\r\nbatch'))).toEqual([true, true]);
    expect(server.requests.map((request) => String(request.headers['content-type']).startsWith('multipart/form-data; boundary='))).toEqual([
      true,
      true,
    ]);
  });

  it('sends a stream body once: it cannot be replayed, so a retryable failure is final', async () => {
    server.handle(sequence([503, { error: { message: 'busy' } }], [200, { ok: true }]));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('streamed'));
        controller.close();
      },
    });
    const error = await sendWithRetry(params({ body, headers: { 'content-type': 'text/plain' } })).then(
      () => undefined,
      (thrown: unknown) => thrown,
    );
    expect(error).toMatchObject({ name: 'ServiceUnavailableError', status: 503 });
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.bodyText).toBe('streamed');
    expect(sleeps).toEqual([]);
  });
});
