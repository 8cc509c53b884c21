import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callInfo, ConfigurationError, createClient, isLiterLlmError, type ClientOptions } from '../../src/index.js';
import { sendJson, startMockServer, type MockServer } from '../support/mock-server.js';

// One call may not turn into dozens of upstream requests: retries, fallbacks and router
// deployments share one attempt budget (`maxAttempts`) and one deadline (`timeoutMs`), and a
// server asking for no wait at all is not hammered in a loop.
let server: MockServer;
/** When each request arrived (ms, this process's clock). */
let arrivals: number[];
beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  arrivals = [];
  server.handle(always503());
});

const messages = [{ role: 'user' as const, content: 'hi' }];
/** Five OpenAI-compatible providers, all served by the one loopback server. */
const PROVIDERS = ['openai', 'groq', 'deepseek', 'mistral', 'cerebras'] as const;

/** Every request gets a 503 asking for an immediate retry (`retry-after-ms: 0`), after `delayMs`. */
function always503(delayMs = 0) {
  return (request: Parameters<ReturnType<typeof sendJson>>[0], response: Parameters<ReturnType<typeof sendJson>>[1]) => {
    arrivals.push(performance.now());
    const answer = () => sendJson(503, { error: { message: 'overloaded' } }, { 'retry-after-ms': '0' })(request, response);
    if (delayMs === 0) answer();
    else setTimeout(answer, delayMs);
  };
}

function client(options: ClientOptions = {}) {
  return createClient({
    providers: Object.fromEntries(PROVIDERS.map((id) => [id, { apiKey: `sk-${id}-test-0123456789`, baseURL: server.url }])),
    maxRetries: 10,
    ...options,
  });
}

const withFallbacks = (options: ClientOptions = {}) =>
  client({ fallback: { models: { 'openai/gpt-4o': ['groq/llama-3.3-70b-versatile', 'deepseek/deepseek-chat', 'mistral/mistral-large-latest'] } }, ...options });

const withRouter = (options: ClientOptions = {}) =>
  client({ router: { smart: { strategy: 'round-robin', deployments: PROVIDERS.map((id) => ({ model: `${id}/model-${id}` })) } }, ...options });

async function failure(call: Promise<unknown>): Promise<Error> {
  try {
    await call;
  } catch (error) {
    return error as Error;
  }
  throw new Error('the call was expected to fail');
}

describe('maxAttempts caps the upstream requests of one call', () => {
  it('across retries and fallbacks [a, b, c]: 10 by default', async () => {
    const c = withFallbacks();
    const error = await failure(c.chat({ model: 'openai/gpt-4o', messages }));
    expect(error).toMatchObject({ kind: 'ServiceUnavailable', status: 503 });
    expect(server.requests.length).toBe(10);
    expect(error.message).toMatch(/maxAttempts \(10\)/);
    c.close();
  });

  it('across retries and fallbacks: a per-call maxAttempts of 3', async () => {
    const c = withFallbacks();
    const error = await failure(c.chat({ model: 'openai/gpt-4o', messages }, { maxAttempts: 3 }));
    expect(error).toMatchObject({ kind: 'ServiceUnavailable' });
    expect(server.requests.length).toBe(3);
    expect(error.message).toMatch(/maxAttempts \(3\)/);
    c.close();
  });

  it('one request per fallback model (maxRetries 0): the fallback chain stops at the budget', async () => {
    const c = withFallbacks({ maxRetries: 0 });
    const error = await failure(c.chat({ model: 'openai/gpt-4o', messages }, { maxAttempts: 2 }));
    expect(error).toMatchObject({ kind: 'ServiceUnavailable' });
    expect(server.requests.length).toBe(2);
    expect(error.message).toMatch(/maxAttempts \(2\)/);
    c.close();
  });

  it('a custom middleware that sends the call again and again cannot pass the budget', async () => {
    const c = client({
      maxRetries: 0,
      middleware: [
        async (context, next) => {
          for (let round = 0; ; round += 1) {
            try {
              return await next(context);
            } catch (error) {
              if (round === 20) throw error;
            }
          }
        },
      ],
    });
    const error = await failure(c.chat({ model: 'openai/gpt-4o', messages }, { maxAttempts: 3 }));
    expect(server.requests.length).toBe(3);
    expect(error).toMatchObject({ retryable: false });
    expect(error.message).toMatch(/maxAttempts \(3\)/);
    c.close();
  });

  it('a client maxAttempts is the default of its calls', async () => {
    const c = withFallbacks({ maxAttempts: 4 });
    await failure(c.chat({ model: 'openai/gpt-4o', messages }));
    expect(server.requests.length).toBe(4);
    c.close();
  });

  it('across a router with 5 deployments: 10 by default', async () => {
    const c = withRouter();
    const error = await failure(c.chat({ model: 'smart', messages }));
    expect(error).toMatchObject({ kind: 'ServiceUnavailable' });
    expect(server.requests.length).toBe(10);
    c.close();
  });

  it('across a router with 5 deployments: a per-call maxAttempts of 3, the router does not move on', async () => {
    const c = withRouter();
    const error = await failure(c.chat({ model: 'smart', messages }, { maxAttempts: 3 }));
    expect(error).toMatchObject({ kind: 'ServiceUnavailable' });
    expect(server.requests.length).toBe(3);
    // All three went to the first deployment (its retries): the router gave up with the budget.
    expect(new Set(server.requests.map((request) => (request.headers.authorization as string).split('-')[1])).size).toBe(1);
    c.close();
  });

  it('a stream with fallbacks stops at the budget too', async () => {
    const c = withFallbacks();
    const error = await failure(
      (async () => {
        for await (const _ of c.chatStream({ model: 'openai/gpt-4o', messages }, { maxAttempts: 3 })) void _;
      })(),
    );
    expect(error).toMatchObject({ kind: 'ServiceUnavailable' });
    expect(server.requests.length).toBe(3);
    c.close();
  });

  it('a call that succeeds within the budget reports its attempts', async () => {
    let hits = 0;
    server.handle((request, response) => {
      hits += 1;
      if (hits < 3) always503()(request, response);
      else sendJson(200, { id: 'x', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }] })(request, response);
    });
    const c = withFallbacks({ maxRetries: 0 });
    const reply = await c.chat({ model: 'openai/gpt-4o', messages }, { maxAttempts: 3 });
    expect(reply.choices[0]?.message.content).toBe('ok');
    expect(server.requests.length).toBe(3);
    expect(callInfo(reply)).toMatchObject({ attempts: 3, provider: 'deepseek' });
    c.close();
  });
});

describe('timeoutMs is one deadline for the whole call', () => {
  it('fallbacks whose servers each take 250 ms: a 300 ms call settles by its deadline, not after each of them', async () => {
    server.handle(always503(250));
    const c = client({
      fallback: { global: ['groq/llama-3.3-70b-versatile', 'deepseek/deepseek-chat', 'mistral/mistral-large-latest', 'cerebras/llama-4'] },
    });
    const started = performance.now();
    const error = await failure(c.chat({ model: 'openai/gpt-4o', messages }, { timeoutMs: 300 }));
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ kind: 'Timeout' });
    // The first model answered 503 at ~250 ms, the second was cut at the deadline; no third.
    expect(server.requests.length).toBeLessThanOrEqual(2);
    expect(elapsed).toBeLessThan(300 + 450);
    c.close();
  });

  it('router deployments whose servers each take 250 ms: the call settles by its deadline', async () => {
    server.handle(always503(250));
    const c = withRouter();
    const started = performance.now();
    const error = await failure(c.chat({ model: 'smart', messages }, { timeoutMs: 300 }));
    const elapsed = performance.now() - started;
    expect(error).toMatchObject({ kind: 'Timeout' });
    expect(server.requests.length).toBeLessThanOrEqual(2);
    expect(elapsed).toBeLessThan(300 + 450);
    c.close();
  });
});

describe('a server-sent retry delay', () => {
  for (const [name, header] of [
    ['retry-after-ms: 0', { 'retry-after-ms': '0' }],
    ['Retry-After: 0', { 'retry-after': '0' }],
    ['retry-after-ms: 5', { 'retry-after-ms': '5' }],
  ] as const) {
    it(`${name} spins no faster than 100 ms between attempts`, async () => {
      server.handle((request, response) => {
        arrivals.push(performance.now());
        sendJson(503, { error: { message: 'busy' } }, header)(request, response);
      });
      const c = client({ maxRetries: 4 });
      await failure(c.chat({ model: 'openai/gpt-4o', messages }));
      expect(arrivals.length).toBe(5);
      const gaps = arrivals.slice(1).map((at, index) => at - (arrivals[index] as number));
      // 100 ms asked of the client; the bound leaves room for timer granularity.
      for (const gap of gaps) expect(gap).toBeGreaterThanOrEqual(90);
      c.close();
    });
  }
});

describe('retry limits are checked', () => {
  it('maxRetries above 10 is a ConfigurationError naming the field and the limit (client and call)', async () => {
    expect(() => client({ maxRetries: 11 })).toThrow(ConfigurationError);
    expect(() => client({ maxRetries: 11 })).toThrow(/maxRetries.*10/);
    expect(() => client({ maxRetries: Number.POSITIVE_INFINITY })).toThrow(/maxRetries/);
    const c = client({ maxRetries: 10 });
    const error = await failure(c.chat({ model: 'openai/gpt-4o', messages }, { maxRetries: 11 }));
    expect(error).toBeInstanceOf(ConfigurationError);
    expect(error.message).toMatch(/maxRetries.*10/);
    expect(server.requests.length).toBe(0);
    c.close();
  });

  for (const value of [0, -1, 1.5, Number.NaN, '3']) {
    it(`maxAttempts ${String(value)} is a ConfigurationError (client and call)`, async () => {
      expect(() => client({ maxAttempts: value as number })).toThrow(/maxAttempts/);
      const c = client();
      const error = await failure(c.chat({ model: 'openai/gpt-4o', messages }, { maxAttempts: value as number }));
      expect(isLiterLlmError(error)).toBe(true);
      expect(error).toBeInstanceOf(ConfigurationError);
      expect(error.message).toMatch(/maxAttempts/);
      expect(server.requests.length).toBe(0);
      c.close();
    });
  }
});
