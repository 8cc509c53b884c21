import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient, isLiterLlmError, type Middleware } from '../../src/index.js';
import type { TracingSpan, TracingTracer } from '../../src/middleware/tracing/tracing-types.js';
import { chatChunk, sendJson, sseBody, startMockServer, type MockServer, type RecordedRequest } from '../support/mock-server.js';
import { leaks } from './collect-strings.js';

// Hostile provider: every error it sends echoes the credentials it received, in the message and
// 200 levels deep in the body, so any layer that sees the raw error sees the key.
const API_KEY = 'sk-hostile-0123456789abcdefghij';

function echoCredentials(request: RecordedRequest): unknown {
  const echoed = Object.entries(request.headers)
    .map(([name, value]) => `${name}=${String(value)}`)
    .join('; ');
  let nested: unknown = { echoed };
  for (let depth = 0; depth < 200; depth += 1) nested = { inner: nested, [`k${depth}`]: [echoed] };
  return {
    error: { message: `rejected credentials: ${echoed}`, type: 'invalid_request_error', detail: nested },
    type: 'error',
  };
}

interface Seen {
  readonly hooks: unknown[];
  readonly middleware: unknown[];
  readonly spans: unknown[];
}

function observingOptions(seen: Seen) {
  const span = (): TracingSpan => ({
    setAttribute: (key, value) => void seen.spans.push({ key, value }),
    setStatus: (status) => void seen.spans.push(status),
    end: () => undefined,
    // The OpenTelemetry span API: a tracer that records exceptions or events sees these too.
    recordException: (exception: unknown) => void seen.spans.push(exception),
    addEvent: (name: string, attributes: unknown) => void seen.spans.push({ name, attributes }),
  } as TracingSpan);
  const tracer: TracingTracer = { startSpan: () => span() };
  const spy: Middleware = async (context, next) => {
    try {
      return await next(context);
    } catch (error) {
      seen.middleware.push(error);
      throw error;
    }
  };
  return {
    maxRetries: 0,
    hooks: [{ onError: (event: unknown) => void seen.hooks.push(event) }],
    tracing: { tracer },
    middleware: [spy],
  };
}

let server: MockServer;
let seen: Seen;

beforeAll(async () => {
  server = await startMockServer((request, response) => sendJson(400, echoCredentials(request))(request, response));
});
afterAll(() => server.close());
beforeEach(() => {
  seen = { hooks: [], middleware: [], spans: [] };
});

async function failure(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('the call was expected to fail');
}

function expectNoLeak(error: unknown, secrets: readonly string[]): void {
  expect(isLiterLlmError(error)).toBe(true);
  expect(seen.hooks.length).toBe(1);
  expect(seen.middleware.length).toBe(1);
  expect(seen.spans.length).toBeGreaterThan(0);
  // The echo reached us: without it, the test would prove nothing.
  expect(JSON.stringify(server.requests.at(-1)?.headers)).toContain(secrets[0]);
  expect(leaks(seen.hooks, secrets)).toEqual([]);
  expect(leaks(seen.middleware, secrets)).toEqual([]);
  expect(leaks(seen.spans, secrets)).toEqual([]);
  expect(leaks(error, secrets)).toEqual([]);
}

describe('secrets are scrubbed before hooks, custom middleware and tracers see an error', () => {
  it('openai: an API key echoed in the message and 200 levels deep in the body', async () => {
    const client = createClient({ providers: { openai: { apiKey: API_KEY, baseURL: server.url } }, ...observingOptions(seen) });
    const error = await failure(client.chat({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }] }));
    expectNoLeak(error, [API_KEY]);
  });

  it('anthropic: the dialect error converter output is scrubbed too', async () => {
    const client = createClient({ providers: { anthropic: { apiKey: API_KEY, baseURL: server.url } }, ...observingOptions(seen) });
    const error = await failure(
      client.chat({ model: 'anthropic/claude-sonnet-4-5', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] }),
    );
    expectNoLeak(error, [API_KEY]);
  });

  it('credentials in per-call, client and provider headers are secrets', async () => {
    const token = 'per-call-token-0123456789';
    const cookie = 'session=cookie-value-0123456789';
    const providerSecret = 'provider-secret-0123456789';
    const bearer = 'gateway-bearer-0123456789';
    const client = createClient({
      providers: { openai: { apiKey: API_KEY, baseURL: server.url, headers: { 'X-Provider-Secret': providerSecret } } },
      headers: { Cookie: cookie, 'Proxy-Authorization': `Bearer ${bearer}` },
      ...observingOptions(seen),
    });
    const error = await failure(
      client.chat({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }] }, { headers: { 'x-my-token': token } }),
    );
    expectNoLeak(error, [token, cookie, 'cookie-value-0123456789', providerSecret, bearer, API_KEY]);
  });

  it('a stream whose error event and partial content echo the key', async () => {
    const streaming = await startMockServer((request, response) => {
      const key = String(request.headers.authorization).slice('Bearer '.length);
      response.writeHead(200, { 'content-type': 'text/event-stream' });
      response.end(sseBody([chatChunk(`your key is ${key}. `), { error: { message: `key ${key} revoked`, type: 'server_error', detail: echoCredentials(request) } }], false));
    });
    try {
      const client = createClient({ providers: { openai: { apiKey: API_KEY, baseURL: streaming.url } }, ...observingOptions(seen) });
      const stream = client.chatStream({ model: 'openai/gpt-4o', messages: [{ role: 'user', content: 'hi' }] });
      const error = await failure((async () => {
        for await (const _chunk of stream) {
          // read to the error
        }
      })());
      expect(isLiterLlmError(error)).toBe(true);
      expect(streaming.requests.length).toBe(1);
      expect(seen.hooks.length).toBe(1);
      expect(seen.middleware.length + seen.spans.length).toBeGreaterThan(0);
      expect(leaks(error, [API_KEY])).toEqual([]);
      expect(leaks(seen.hooks, [API_KEY])).toEqual([]);
      expect(leaks(seen.spans, [API_KEY])).toEqual([]);
    } finally {
      await streaming.close();
    }
  });

  it('each line of a registered PEM private key (a Vertex service account) is scrubbed', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const lines = pem.split('\n').filter((line) => line.length >= 16 && !line.startsWith('-----'));
    const tokenServer = await startMockServer(sendJson(200, { access_token: 'ya29.vertex-token-0123456789', expires_in: 3600 }));
    const echoPem = await startMockServer(sendJson(400, { error: { code: 400, message: `bad key near ${lines[3]}`, status: 'INVALID_ARGUMENT', details: [{ pem: lines.slice(5, 9).join('\n') }] } }));
    try {
      const client = createClient({
        providers: {
          vertex_ai: {
            baseURL: echoPem.url,
            urlVariables: { project: 'p', location: 'l' },
            serviceAccount: { type: 'service_account', client_email: 'sa@p.iam.gserviceaccount.com', private_key: pem, token_uri: `${tokenServer.url}/token` },
          },
        },
        ...observingOptions(seen),
      });
      const error = await failure(client.chat({ model: 'vertex_ai/gemini-2.5-flash', messages: [{ role: 'user', content: 'hi' }] }));
      expect(isLiterLlmError(error)).toBe(true);
      expect(echoPem.requests.length).toBe(1);
      expect(seen.hooks.length).toBe(1);
      expect(leaks(error, lines)).toEqual([]);
      expect(leaks(seen.hooks, lines)).toEqual([]);
      expect(leaks(seen.middleware, lines)).toEqual([]);
      expect(leaks(seen.spans, lines)).toEqual([]);
    } finally {
      await tokenServer.close();
      await echoPem.close();
    }
  });
});
