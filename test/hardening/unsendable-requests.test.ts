import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BadRequestError, ConfigurationError, createClient, isLiterLlmError } from '../../src/index.js';
import { chatResponse, sendJson, startMockServer, type MockServer } from '../support/mock-server.js';

// A request that cannot be built or sent is the caller's fault: a typed, non-retryable error,
// nothing reaches the server, and the deployment is not cooled for it.
let server: MockServer;
beforeAll(async () => {
  server = await startMockServer(sendJson(200, chatResponse('ok')));
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const messages = [{ role: 'user' as const, content: 'hi' }];

function client() {
  return createClient({
    providers: { openai: { apiKey: 'sk-test-0123456789abcdef', baseURL: server.url } },
    maxRetries: 3,
    // One failure would cool the deployment: the follow-up call proves it was not counted.
    cooldown: { failures: 1, windowMs: 60_000, durationMs: 60_000 },
  });
}

async function failure(call: Promise<unknown>): Promise<unknown> {
  try {
    await call;
  } catch (error) {
    return error;
  }
  throw new Error('the call was expected to fail');
}

const circular: Record<string, unknown> = { name: 'loop' };
circular.self = circular;

const cases: ReadonlyArray<{ name: string; kind: 'Configuration' | 'BadRequest'; call: (c: ReturnType<typeof client>) => Promise<unknown> }> = [
  { name: 'a header value with a line break', kind: 'Configuration', call: (c) => c.chat({ model: 'openai/gpt-4o', messages }, { headers: { 'x-note': 'a\r\nb' } }) },
  { name: 'a non-Latin-1 header value', kind: 'Configuration', call: (c) => c.chat({ model: 'openai/gpt-4o', messages }, { headers: { 'x-note': 'naïve ☃' } }) },
  { name: 'an invalid header name', kind: 'Configuration', call: (c) => c.chat({ model: 'openai/gpt-4o', messages }, { headers: { 'bad name': 'x' } }) },
  { name: 'a BigInt in the body', kind: 'BadRequest', call: (c) => c.chat({ model: 'openai/gpt-4o', messages, extra_body: { seed_big: 10n } } as never) },
  { name: 'a circular body', kind: 'BadRequest', call: (c) => c.chat({ model: 'openai/gpt-4o', messages, extra_body: { meta: circular } } as never) },
];

describe('a request that cannot be built or sent', () => {
  for (const { name, kind, call } of cases) {
    it(`${name}: typed, not retryable, nothing sent, deployment not cooled`, async () => {
      const c = client();
      const error = await failure(call(c));
      expect(isLiterLlmError(error)).toBe(true);
      expect(error).toBeInstanceOf(kind === 'Configuration' ? ConfigurationError : BadRequestError);
      expect((error as { retryable: boolean }).retryable).toBe(false);
      expect(server.requests.length).toBe(0);
      // The next good call goes through: the deployment is not in cooldown.
      const reply = await c.chat({ model: 'openai/gpt-4o', messages });
      expect(reply.choices[0]?.message.content).toBe('ok');
      expect(server.requests.length).toBe(1);
      c.close();
    });
  }
});

describe('base URLs are checked at createClient', () => {
  it.each([
    ['not a URL', 'api.example.com/v1'],
    ['ftp', 'ftp://api.example.com/v1'],
    ['spaces', 'http://api example.com'],
    ['no host', 'http://'],
  ])('a provider baseURL (%s) is a ConfigurationError naming the provider and field', (_name, baseURL) => {
    expect(() => createClient({ providers: { openai: { apiKey: 'sk-test-0123456789', baseURL } } })).toThrow(ConfigurationError);
    expect(() => createClient({ providers: { openai: { apiKey: 'sk-test-0123456789', baseURL } } })).toThrow(/openai.*baseURL/);
  });

  it('a gateway baseURL without a host is a ConfigurationError', () => {
    expect(() => createClient({ baseURL: 'http://' })).toThrow(ConfigurationError);
  });

  it('a custom provider baseURL that is not http(s) is a ConfigurationError naming the provider', () => {
    const entry = {
      id: 'my_custom',
      name: 'My custom',
      kind: 'hosted',
      dialect: 'openai',
      baseURL: 'file:///etc',
      auth: { scheme: 'none' },
      endpoints: { chat: { path: '/chat/completions' } },
    };
    expect(() => createClient({ customProviders: [entry] })).toThrow(ConfigurationError);
    expect(() => createClient({ customProviders: [entry] })).toThrow(/my_custom.*baseURL/);
  });
});

describe('health checks', () => {
  it('a probe that cannot be sent does not mark its deployment unhealthy', async () => {
    const { createHealthCheckMiddleware } = await import('../../src/middleware/health-check/create-health-check-middleware.js');
    const { createRouterMiddleware } = await import('../../src/middleware/router/create-router-middleware.js');
    const { createFakeClock } = await import('../support/fake-clock.js');
    const timer = createFakeClock();
    const health = createHealthCheckMiddleware({ intervalMs: 10_000, failureThreshold: 1, recoveryThreshold: 1 }, { timer });
    const router = createRouterMiddleware(
      { smart: { deployments: [{ model: 'groq/llama', baseURL: server.url, id: 'east', headers: { 'x-note': 'line\nbreak' } }] } },
      { isAvailable: health.isHealthy },
    );
    const c = createClient({ providers: { groq: { apiKey: 'k' } }, modelHint: 'groq', maxRetries: 0, middleware: [router, health] });
    const error = await failure(c.chat({ model: 'smart', messages }));
    expect(error).toBeInstanceOf(ConfigurationError);
    await timer.fire();
    await timer.fire();
    expect(server.requests.length).toBe(0);
    const status = health.status();
    expect(status.length).toBe(1);
    expect(status[0]?.healthy).toBe(true);
    c.close();
  });
});
