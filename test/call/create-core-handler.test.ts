import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CallContext } from '../../src/call/call-context.js';
import { createCallInfoRecord } from '../../src/call/call-info.js';
import type { Operation } from '../../src/call/operation.js';
import { createCoreHandler } from '../../src/call/create-core-handler.js';
import type { SecretRegistry } from '../../src/client/create-secret-registry.js';
import { defineProvider } from '../../src/define-provider.js';
import { loadDialectByName } from '../../src/dialects/load-dialect.js';
import { OPERATION_TABLE } from '../../src/dialects/operation-table.js';
import { EndpointNotSupportedError } from '../../src/errors/error-classes.js';
import { createClient } from '../../src/index.js';
import type { EndpointName } from '../../src/provider-definition.js';
import { resolveProvider } from '../../src/routing/resolve-provider.js';
import { chatOnlyProvider } from '../support/custom-providers.js';
import { sendJson, startMockServer, type MockServer } from '../support/mock-server.js';

const ALL_ENDPOINTS: readonly EndpointName[] = [...new Set(Object.values(OPERATION_TABLE).map((entry) => entry.endpoint))];

const secrets: SecretRegistry = { values: [], add() {}, addOverride() {}, addHeaders() {}, forCall: () => [], addEnvironmentValue() {} };

/** A provider of `dialect` that declares every endpoint but `missing`. */
function contextWithout(missing: EndpointName, dialect: string, operation: Operation): CallContext {
  const endpoints = Object.fromEntries(
    ALL_ENDPOINTS.filter((endpoint) => endpoint !== missing).map((endpoint) => [endpoint, { path: `/${endpoint}` }]),
  );
  const definition = defineProvider({ ...chatOnlyProvider('http://127.0.0.1:9'), id: 'partial', dialect, endpoints });
  const provider = resolveProvider({ definition, override: undefined, apiKey: undefined, fallbackApiKey: undefined, clientHeaders: {}, env: {} });
  return {
    operation,
    request: {},
    route: { provider, model: 'any' },
    options: { signal: undefined, timeoutMs: 1000, deadlineAt: Date.now() + 1000, maxRetries: 0, maxAttempts: 10, maxResponseBytes: 1024, streamTimeoutMs: undefined, headers: {}, cache: undefined, tags: [] },
    info: createCallInfoRecord(operation, provider.id, 'any'),
    services: {
      resolveRoute: () => {
        throw new Error('not used');
      },
      resolveDeployment: () => {
        throw new Error('not used');
      },
    },
  };
}

describe('the core runs every operation of the table through one path', () => {
  it('has a row for each of the 26 operations', () => {
    expect(Object.keys(OPERATION_TABLE)).toHaveLength(26);
  });

  // One check for every operation: the same error, before any dialect or shape loads, nothing sent.
  for (const dialect of ['openai', 'cohere', 'anthropic']) {
    for (const [operation, { endpoint }] of Object.entries(OPERATION_TABLE)) {
      it(`${dialect}: ${operation} on a provider without the ${endpoint} endpoint`, async () => {
        const fetch = vi.fn<typeof globalThis.fetch>();
        const handler = createCoreHandler({ fetch, secrets });
        const error = await handler(contextWithout(endpoint, dialect, operation as Operation)).then(
          () => undefined,
          (caught: unknown) => caught,
        );
        expect(error).toBeInstanceOf(EndpointNotSupportedError);
        expect((error as Error).message).toBe(`partial does not serve the ${endpoint} endpoint`);
        expect((error as EndpointNotSupportedError).provider).toBe('partial');
        expect(fetch).not.toHaveBeenCalled();
      });
    }
  }

  it('rejects an operation that is not in the table', async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const context = { ...contextWithout('ocr', 'openai', 'chat'), operation: 'nope' as Operation };
    await expect(createCoreHandler({ fetch, secrets })(context)).rejects.toThrow('unknown operation nope');
    expect(fetch).not.toHaveBeenCalled();
  });
});

describe('error mapping on a non-chat path', () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer();
  });
  afterAll(() => server.close());
  afterEach(() => vi.restoreAllMocks());

  it('hands the response headers to the dialect, as on the chat path', async () => {
    const dialect = await loadDialectByName('cohere');
    if (dialect === undefined) throw new Error('cohere dialect missing');
    const convert = vi.spyOn(dialect, 'convertErrorResponse');
    server.handle(sendJson(400, { message: 'invalid request: query is empty' }, { 'x-debug-trace-id': 'trace-42' }));
    const client = createClient({
      providers: { cohere: { baseURL: server.url, apiKey: 'co-headers-test-key' } },
      maxRetries: 0,
    });
    await expect(client.rerank({ model: 'cohere/rerank-v3.5', query: '', documents: ['a'] })).rejects.toMatchObject({
      status: 400,
    });
    expect(convert).toHaveBeenCalledTimes(1);
    const [status, body, route, headers] = convert.mock.calls[0] ?? [];
    expect(status).toBe(400);
    expect(body).toEqual({ message: 'invalid request: query is empty' });
    expect(route?.provider.id).toBe('cohere');
    expect(headers).toBeInstanceOf(Headers);
    expect(headers?.get('x-debug-trace-id')).toBe('trace-42');
  });
});
