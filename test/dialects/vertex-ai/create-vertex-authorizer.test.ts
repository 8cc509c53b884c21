import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuthorizerInput } from '../../../src/dialects/dialect.js';
import { createVertexAuthorizer } from '../../../src/dialects/vertex-ai/create-vertex-authorizer.js';
import { isLiterLlmError } from '../../../src/index.js';
import type { ProviderOverride } from '../../../src/routing/resolved-provider.js';
import { startMockServer, type MockServer, type RecordedRequest } from '../../support/mock-server.js';
import { createTestServiceAccount, verifyJwt, type TestServiceAccount } from './create-test-service-account.js';

let server: MockServer;
let account: TestServiceAccount;
let tokensIssued = 0;
let expiresIn = 3600;
const request = { url: 'https://example.invalid', method: 'POST', headers: {}, body: '{}' };

beforeAll(async () => {
  server = await startMockServer();
  account = await createTestServiceAccount(`${server.url}/token`);
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  tokensIssued = 0;
  expiresIn = 3600;
  server.handle((_request, response) => {
    tokensIssued += 1;
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ access_token: `ya29.token-${tokensIssued}`, expires_in: expiresIn, token_type: 'Bearer' }));
  });
});

function input(override: ProviderOverride | undefined, env: Record<string, string> = {}, apiKey?: string): AuthorizerInput {
  return { providerId: 'vertex_ai', override, apiKey, env, fetch: undefined };
}

function form(recorded: RecordedRequest | undefined): URLSearchParams {
  return new URLSearchParams(recorded?.bodyText ?? '');
}

async function caught(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(isLiterLlmError(error)).toBe(true);
  return error as Error & Record<string, unknown>;
}

describe('createVertexAuthorizer with a service account', () => {
  it('exchanges an RS256 JWT, signed with the account key, for a bearer token', async () => {
    const authorizer = createVertexAuthorizer(input({ serviceAccount: account.json }));
    const before = Math.floor(Date.now() / 1000);
    expect(await authorizer.headers(request)).toEqual({ authorization: 'Bearer ya29.token-1' });

    const exchange = server.requests[0];
    expect(exchange?.method).toBe('POST');
    expect(exchange?.path).toBe('/token');
    expect(exchange?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(form(exchange).get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
    const { header, claims } = await verifyJwt(form(exchange).get('assertion') ?? '', account.publicKey);
    expect(header).toEqual({ alg: 'RS256', typ: 'JWT', kid: 'key-id-1' });
    expect(claims).toEqual({
      iss: 'robot@test-project.iam.gserviceaccount.com',
      scope: 'https://www.googleapis.com/auth/cloud-platform',
      aud: `${server.url}/token`,
      iat: expect.any(Number),
      exp: (claims.iat as number) + 3600,
    });
    expect(claims.iat as number).toBeGreaterThanOrEqual(before - 1);
  });

  it('caches the token and shares one exchange between concurrent calls', async () => {
    const authorizer = createVertexAuthorizer(input({ serviceAccount: JSON.stringify(account.json) }));
    const all = await Promise.all([1, 2, 3, 4, 5].map(() => authorizer.headers(request)));
    expect(new Set(all.map((headers) => headers.authorization))).toEqual(new Set(['Bearer ya29.token-1']));
    expect(await authorizer.headers(request)).toEqual({ authorization: 'Bearer ya29.token-1' });
    expect(tokensIssued).toBe(1);
  });

  it('fetches a new token after invalidate() and when the cached one is about to expire', async () => {
    const authorizer = createVertexAuthorizer(input({ serviceAccount: account.json }));
    await authorizer.headers(request);
    expect(authorizer.invalidate?.()).toBe(true);
    expect(await authorizer.headers(request)).toEqual({ authorization: 'Bearer ya29.token-2' });

    expiresIn = 30; // inside the one-minute renewal margin
    const shortLived = createVertexAuthorizer(input({ serviceAccount: account.json }));
    await shortLived.headers(request);
    await shortLived.headers(request);
    expect(tokensIssued).toBe(4);
  });

  it('reports a refusal by the token endpoint without the key or the assertion', async () => {
    server.handle((_request, response) => {
      response.writeHead(400, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'invalid_grant', error_description: 'Invalid JWT Signature.' }));
    });
    const authorizer = createVertexAuthorizer(input({ serviceAccount: account.json }));
    const error = await caught(authorizer.headers(request));
    expect(error).toMatchObject({ kind: 'Authentication', status: 400, provider: 'vertex_ai' });
    expect(error.message).toBe('vertex_ai: the token endpoint refused the service account (HTTP 400: invalid_grant: Invalid JWT Signature.)');
    const assertion = form(server.requests[0]).get('assertion') ?? '';
    expect(JSON.stringify(error.body)).not.toContain(assertion.slice(-20));
    expect(JSON.stringify({ ...error, message: error.message, stack: error.stack })).not.toContain('PRIVATE KEY');
  });

  it('uses the client fetch for the exchange', async () => {
    const seen: string[] = [];
    const fetchSpy: typeof fetch = async (url, init) => {
      seen.push(String(url));
      return globalThis.fetch(url, init);
    };
    const authorizer = createVertexAuthorizer({ ...input({ serviceAccount: account.json }), fetch: fetchSpy });
    await authorizer.headers(request);
    expect(seen).toEqual([`${server.url}/token`]);
  });

  it('rejects a PKCS #1 key and a key that is not PEM, naming the field', async () => {
    const pkcs1 = { ...account.json, private_key: '-----BEGIN RSA PRIVATE KEY-----\nMIIB\n-----END RSA PRIVATE KEY-----\n' };
    expect(await caught(createVertexAuthorizer(input({ serviceAccount: pkcs1 })).headers(request))).toMatchObject({
      kind: 'Configuration',
      message: expect.stringContaining('PKCS #1'),
    });
    const garbage = { ...account.json, private_key: 'not a key' };
    expect(await caught(createVertexAuthorizer(input({ serviceAccount: garbage })).headers(request))).toMatchObject({
      kind: 'Configuration',
      message: expect.stringContaining('private_key'),
    });
    expect(server.requests).toHaveLength(0);
  });
});

describe('createVertexAuthorizer credential sources', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'liter-llm-vertex-'));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('reads the key file GOOGLE_APPLICATION_CREDENTIALS names, or JSON given in it directly', async () => {
    const file = join(directory, 'key.json');
    writeFileSync(file, JSON.stringify(account.json));
    expect(await createVertexAuthorizer(input(undefined, { GOOGLE_APPLICATION_CREDENTIALS: file })).headers(request)).toEqual({
      authorization: 'Bearer ya29.token-1',
    });
    expect(
      await createVertexAuthorizer(input(undefined, { GOOGLE_APPLICATION_CREDENTIALS: JSON.stringify(account.json) })).headers(request),
    ).toEqual({ authorization: 'Bearer ya29.token-2' });
  });

  it('says which file cannot be read', async () => {
    const missing = join(directory, 'absent.json');
    const error = await caught(createVertexAuthorizer(input(undefined, { GOOGLE_APPLICATION_CREDENTIALS: missing })).headers(request));
    expect(error).toMatchObject({ kind: 'Configuration' });
    expect(error.message).toBe(`vertex_ai: GOOGLE_APPLICATION_CREDENTIALS names ${missing}, which cannot be read (ENOENT)`);
  });

  it('where the runtime has no file system (no process.getBuiltinModule), says to pass the credentials instead', async () => {
    const file = join(directory, 'key.json');
    writeFileSync(file, JSON.stringify(account.json));
    const original = Object.getOwnPropertyDescriptor(process, 'getBuiltinModule');
    // A browser or edge runtime: no way to reach a file system.
    Object.defineProperty(process, 'getBuiltinModule', { value: undefined, configurable: true, writable: true });
    try {
      const error = await caught(createVertexAuthorizer(input(undefined, { GOOGLE_APPLICATION_CREDENTIALS: file })).headers(request));
      expect(error).toMatchObject({ kind: 'Configuration', provider: 'vertex_ai', retryable: false });
      expect(error.message).toContain('reading a credentials file needs a runtime with a file system');
      expect(error.message).toContain('providers.vertex_ai.serviceAccount');
    } finally {
      if (original !== undefined) Object.defineProperty(process, 'getBuiltinModule', original);
    }
    expect(tokensIssued).toBe(0);
  });

  it('exchanges gcloud user credentials by refresh token and bills their quota project', async () => {
    const user = {
      type: 'authorized_user',
      client_id: 'client-id.apps.googleusercontent.com',
      client_secret: 'client-secret-value',
      refresh_token: '1//refresh-token-value',
      quota_project_id: 'billing-project',
      token_uri: `${server.url}/token`,
    };
    const authorizer = createVertexAuthorizer(input({ serviceAccount: user }));
    expect(await authorizer.headers(request)).toEqual({ authorization: 'Bearer ya29.token-1', 'x-goog-user-project': 'billing-project' });
    expect(Object.fromEntries(form(server.requests[0]))).toEqual({
      grant_type: 'refresh_token',
      client_id: 'client-id.apps.googleusercontent.com',
      client_secret: 'client-secret-value',
      refresh_token: '1//refresh-token-value',
    });
  });

  it('uses a supplied access token as it is, or a token function per request, and does not retry them on 401', async () => {
    const fixed = createVertexAuthorizer(input({ accessToken: 'ya29.fixed' }, { GOOGLE_APPLICATION_CREDENTIALS: '/nowhere.json' }));
    expect(await fixed.headers(request)).toEqual({ authorization: 'Bearer ya29.fixed' });
    expect(fixed.invalidate?.()).toBe(false);
    let calls = 0;
    const dynamic = createVertexAuthorizer(input({ accessToken: async () => `ya29.dynamic-${++calls}` }));
    expect(await dynamic.headers(request)).toEqual({ authorization: 'Bearer ya29.dynamic-1' });
    expect(await dynamic.headers(request)).toEqual({ authorization: 'Bearer ya29.dynamic-2' });
    const failing = createVertexAuthorizer(input({ accessToken: () => Promise.reject(new Error('metadata server down')) }));
    expect(await caught(failing.headers(request))).toMatchObject({ kind: 'Authentication', message: expect.stringContaining('metadata server down') });
    expect(server.requests).toHaveLength(0);
  });

  it('prefers VERTEXAI_ACCESS_TOKEN to the credentials file, and the file to a key not meant for Vertex', async () => {
    const file = join(directory, 'key2.json');
    writeFileSync(file, JSON.stringify(account.json));
    const fromEnv = createVertexAuthorizer(input(undefined, { VERTEXAI_ACCESS_TOKEN: 'ya29.env', GOOGLE_APPLICATION_CREDENTIALS: file }, 'ya29.env'));
    expect(await fromEnv.headers(request)).toEqual({ authorization: 'Bearer ya29.env' });
    const clientWideKey = createVertexAuthorizer(input(undefined, { GOOGLE_APPLICATION_CREDENTIALS: file }, 'sk-some-other-provider'));
    expect(await clientWideKey.headers(request)).toEqual({ authorization: 'Bearer ya29.token-1' });
    const onlyKey = createVertexAuthorizer(input(undefined, {}, 'ya29.from-api-keys'));
    expect(await onlyKey.headers(request)).toEqual({ authorization: 'Bearer ya29.from-api-keys' });
  });

  it('names every way to give credentials when there are none, and sends nothing', async () => {
    const error = await caught(createVertexAuthorizer(input(undefined)).headers(request));
    expect(error).toMatchObject({ kind: 'Authentication', provider: 'vertex_ai' });
    for (const name of ['GOOGLE_APPLICATION_CREDENTIALS', 'VERTEXAI_ACCESS_TOKEN', 'providers.vertex_ai.serviceAccount', 'providers.vertex_ai.accessToken']) {
      expect(error.message).toContain(name);
    }
    expect(server.requests).toHaveLength(0);
  });
});
