import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as errors from '../../src/errors/error-classes.js';
import { callInfo, createClient, isLiterLlmError, type ErrorKind, type Middleware } from '../../src/index.js';
import { chatChunk, sendJson, sendSse, startMockServer, type MockServer } from '../support/mock-server.js';

const CANARY = 'sk-canary-7f3a9c21b4e8d6f0a1b2c3d4';
let server: MockServer;

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());

/** Everything an application might print or ship to a log pipeline. */
function serialize(value: unknown): string {
  const parts = [JSON.stringify(value), String(value), inspect(value, { depth: 10, showHidden: true })];
  if (value instanceof Error) {
    parts.push(value.stack ?? '', value.message, inspect(value.cause, { depth: 10 }));
  }
  return parts.join('\n');
}

const messages = [{ role: 'user' as const, content: 'hi' }];
const echo = (status: number, extra: Record<string, unknown> = {}) =>
  sendJson(status, { error: { message: `Incorrect API key provided: ${CANARY}`, ...extra }, key: CANARY });

/** Every kind, produced the way it arises in practice where the client can produce it. */
const httpCases: Array<[ErrorKind, number, Record<string, unknown>?]> = [
  ['Authentication', 401],
  ['RateLimited', 429],
  ['BadRequest', 400],
  ['ContextWindowExceeded', 400, { code: 'context_length_exceeded' }],
  ['ContentPolicy', 400, { code: 'content_policy_violation' }],
  ['NotFound', 404],
  ['ServerError', 500],
  ['ServiceUnavailable', 503],
  ['Timeout', 408],
];

async function thrown(action: () => Promise<unknown>): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
}

describe('API keys never leak', () => {
  const make = () => createClient({ providers: { groq: { baseURL: server.url, apiKey: CANARY } }, maxRetries: 0 });

  it.each(httpCases)('%s from HTTP %i', async (kind, status, extra) => {
    server.handle(echo(status, extra));
    const error = await thrown(() => make().chat({ model: 'groq/llama-3.3-70b-versatile', messages }));
    expect((error as { kind: string }).kind).toBe(kind);
    expect(serialize(error)).not.toContain(CANARY);
    expect(serialize(error)).not.toContain(CANARY.slice(0, 12));
  });

  it('Stream errors (SSE error payload and truncation)', async () => {
    server.handle(sendSse([chatChunk('a'), { error: { message: `bad key ${CANARY}`, type: 'server_error' } }]));
    const payloadError = await thrown(async () => {
      for await (const chunk of make().chatStream({ model: 'groq/x', messages })) void chunk;
    });
    expect(serialize(payloadError)).not.toContain(CANARY);
    server.handle(sendSse([chatChunk(`echo ${CANARY}`)], { done: false }));
    const truncated = await thrown(async () => {
      for await (const chunk of make().chatStream({ model: 'groq/x', messages })) void chunk;
    });
    expect((truncated as { kind: string }).kind).toBe('Stream');
    expect(serialize(truncated)).not.toContain(CANARY);
  });

  it('InvalidResponse with the key in the body', async () => {
    server.handle(sendJson(200, { unexpected: CANARY }));
    const error = await thrown(() => make().chat({ model: 'groq/x', messages }));
    expect((error as { kind: string }).kind).toBe('InvalidResponse');
    expect(serialize(error)).not.toContain(CANARY);
  });

  it('Network errors with the key in a query-parameter URL', async () => {
    const closed = await startMockServer();
    await closed.close();
    const entry = {
      id: 'querykey',
      name: 'Query key',
      kind: 'hosted',
      baseURL: closed.url,
      auth: { scheme: 'query', param: 'key', envVar: 'QUERYKEY_API_KEY' },
      endpoints: { chat: { path: '/chat' } },
    };
    const queryClient = createClient({ customProviders: [entry], apiKeys: { querykey: CANARY }, maxRetries: 0 });
    const error = await thrown(() => queryClient.chat({ model: 'querykey/x', messages }));
    expect((error as { kind: string }).kind).toBe('Network');
    expect(serialize(error)).not.toContain(CANARY);
  });

  it('every other kind, thrown by a layer with the key in message, body and cause', async () => {
    const kinds = Object.values(errors).filter((value) => typeof value === 'function');
    expect(kinds.length).toBe(18);
    for (const ErrorClass of kinds) {
      const leaking: Middleware = async () => {
        throw new (ErrorClass as typeof errors.ConfigurationError)(`failed with ${CANARY}`, {
          body: { echoed: CANARY },
          cause: new Error(`inner ${CANARY}`),
        });
      };
      const layered = createClient({ providers: { groq: { apiKey: CANARY } }, middleware: [leaking] });
      const error = await thrown(() => layered.chat({ model: 'groq/x', messages }));
      expect(isLiterLlmError(error)).toBe(true);
      expect(serialize(error), (error as Error).name).not.toContain(CANARY);
    }
  });

  it('nothing in the client, its results or callInfo shows a key', async () => {
    server.handle(sendJson(200, { id: 'x', object: 'chat.completion', created: 1, model: 'm', choices: [{ index: 0, message: { role: 'assistant', content: 'ok' }, finish_reason: 'stop' }] }));
    process.env.GROQ_API_KEY = CANARY;
    try {
      const fromEnv = createClient({ providers: { groq: { baseURL: server.url } } });
      const reply = await fromEnv.chat({ model: 'groq/x', messages });
      expect(serialize(fromEnv)).not.toContain(CANARY);
      expect(serialize(fromEnv.provider('groq'))).not.toContain(CANARY);
      expect(serialize(reply)).not.toContain(CANARY);
      expect(serialize(callInfo(reply))).not.toContain(CANARY);
      expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${CANARY}`);
    } finally {
      delete process.env.GROQ_API_KEY;
    }
  });

  it('credentials beyond API keys: access tokens, service-account keys, AWS secrets, tokens from callbacks', async () => {
    const token = 'ya29.canary-access-token-123456';
    const awsSecret = 'aws-secret-canary-abcdefghijkl';
    const awsSession = 'aws-session-canary-mnopqrstuv';
    const privateKey = '-----BEGIN PRIVATE KEY-----canary-private-key-material-----END PRIVATE KEY-----';
    const everything = [token, awsSecret, awsSession, privateKey];
    const leaking: Middleware = async () => {
      throw new errors.ServerError(`echo ${everything.join(' ')}`, { body: { everything } });
    };
    const layered = createClient({
      providers: {
        vertex_ai: { accessToken: token, serviceAccount: { type: 'service_account', private_key: privateKey } },
        bedrock: { aws: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: awsSecret, sessionToken: awsSession } },
      },
      middleware: [leaking],
    });
    const error = await thrown(() => layered.chat({ model: 'groq/x', messages }));
    for (const secret of everything) expect(serialize(error)).not.toContain(secret);

    // A token only the callback knows, learnt when the request is authorized.
    const entraToken = 'entra-canary-token-0987654321';
    server.handle(sendJson(401, { error: { message: `token ${entraToken} expired` } }));
    const azure = createClient({
      providers: { azure: { baseURL: server.url, accessToken: () => entraToken, urlVariables: { resource: 'r' } } },
      maxRetries: 0,
    });
    const azureError = await thrown(() => azure.chat({ model: 'azure/my-deployment', messages }));
    expect((azureError as { kind: string }).kind).toBe('Authentication');
    expect(server.requests.at(-1)?.headers.authorization).toBe(`Bearer ${entraToken}`);
    expect(serialize(azureError)).not.toContain(entraToken);
  });

  it('the errors of earlier attempts that fallback attaches', async () => {
    const leaking: Middleware = async () => {
      const first = new errors.RateLimitedError(`key ${CANARY} throttled`, { body: { key: CANARY } });
      const last = new errors.ServerError('all fallbacks failed');
      Object.defineProperty(last, 'errors', { value: [first, last], enumerable: false });
      throw last;
    };
    const layered = createClient({ providers: { groq: { apiKey: CANARY } }, middleware: [leaking] });
    const error = (await thrown(() => layered.chat({ model: 'groq/x', messages }))) as { errors: unknown[] };
    expect(error.errors).toHaveLength(2);
    expect(serialize(error.errors[0])).not.toContain(CANARY);
  });
});
