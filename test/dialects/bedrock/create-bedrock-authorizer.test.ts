import { describe, expect, it } from 'vitest';
import { createBedrockAuthorizer } from '../../../src/dialects/bedrock/create-bedrock-authorizer.js';
import { resolveBedrockCredentials } from '../../../src/dialects/bedrock/resolve-bedrock-credentials.js';
import type { AuthorizerInput, OutgoingRequest } from '../../../src/dialects/dialect.js';
import { isLiterLlmError } from '../../../src/index.js';

const KEYS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const NOW = () => new Date('2024-05-01T10:20:30.456Z');

function input(partial: Partial<AuthorizerInput> = {}): AuthorizerInput {
  return { providerId: 'bedrock', override: undefined, apiKey: undefined, env: {}, fetch: undefined, ...partial };
}

function request(url = 'https://bedrock-runtime.us-east-1.amazonaws.com/model/amazon.nova-lite-v1%3A0/converse'): OutgoingRequest {
  return {
    url,
    method: 'POST',
    headers: { accept: 'application/json', 'content-type': 'application/json', authorization: 'Bearer sk-for-another-provider', 'x-amz-trace': 'abc' },
    body: '{"messages":[]}',
  };
}

async function failure(promise: Promise<unknown>): Promise<Error & { kind?: string }> {
  const error = await promise.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(isLiterLlmError(error)).toBe(true);
  return error as Error & { kind?: string };
}

describe('resolveBedrockCredentials', () => {
  it('prefers providers.bedrock.apiKey, then providers.bedrock.aws', () => {
    expect(resolveBedrockCredentials(input({ override: { apiKey: 'bedrock-api-key', aws: KEYS }, apiKey: 'bedrock-api-key' }))).toEqual({
      kind: 'bearer',
      token: 'bedrock-api-key',
    });
    expect(resolveBedrockCredentials(input({ override: { aws: KEYS }, env: { AWS_BEARER_TOKEN_BEDROCK: 'env-token' }, apiKey: 'env-token' }))).toEqual({
      kind: 'sigv4',
      credentials: { ...KEYS, sessionToken: undefined },
    });
  });

  it('uses AWS_BEARER_TOKEN_BEDROCK before the AWS access-key variables', () => {
    const env = { AWS_BEARER_TOKEN_BEDROCK: 'ABSKbedrock-api-key', AWS_ACCESS_KEY_ID: KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: KEYS.secretAccessKey };
    expect(resolveBedrockCredentials(input({ env, apiKey: 'ABSKbedrock-api-key' }))).toEqual({ kind: 'bearer', token: 'ABSKbedrock-api-key' });
  });

  it('reads AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN', () => {
    const env = { AWS_ACCESS_KEY_ID: KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: KEYS.secretAccessKey, AWS_SESSION_TOKEN: 'FwoGZXIvYXdzEXAMPLE' };
    expect(resolveBedrockCredentials(input({ env }))).toEqual({ kind: 'sigv4', credentials: { ...KEYS, sessionToken: 'FwoGZXIvYXdzEXAMPLE' } });
  });

  it('does not let a client-wide key shadow AWS credentials in the environment, but uses it when there are none', () => {
    const env = { AWS_ACCESS_KEY_ID: KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: KEYS.secretAccessKey };
    expect(resolveBedrockCredentials(input({ env, apiKey: 'sk-openai-key' }))?.kind).toBe('sigv4');
    expect(resolveBedrockCredentials(input({ apiKey: 'bedrock-key-from-apiKeys' }))).toEqual({ kind: 'bearer', token: 'bedrock-key-from-apiKeys' });
    expect(resolveBedrockCredentials(input())).toBeUndefined();
  });

  it('rejects half of an access-key pair', () => {
    expect(() => resolveBedrockCredentials(input({ override: { aws: { accessKeyId: KEYS.accessKeyId } } }))).toThrow(
      /providers\.bedrock\.aws needs both accessKeyId and secretAccessKey/,
    );
  });
});

describe('createBedrockAuthorizer', () => {
  it('signs with SigV4 for the region of the host, replacing any bearer header', async () => {
    const authorizer = createBedrockAuthorizer(input({ override: { aws: KEYS } }), NOW);
    const headers = await authorizer.headers(request());
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE\/20240501\/us-east-1\/bedrock\/aws4_request, SignedHeaders=host;x-amz-date;x-amz-trace, Signature=[0-9a-f]{64}$/,
    );
    expect(headers['x-amz-date']).toBe('20240501T102030Z');
    expect(headers['x-amz-security-token']).toBeUndefined();
  });

  it('is deterministic for one instant and changes with the body', async () => {
    const authorizer = createBedrockAuthorizer(input({ override: { aws: KEYS } }), NOW);
    const first = await authorizer.headers(request());
    const again = await authorizer.headers(request());
    const other = await authorizer.headers({ ...request(), body: '{"messages":[1]}' });
    expect(again.authorization).toBe(first.authorization);
    expect(other.authorization).not.toBe(first.authorization);
  });

  it('sends the session token of temporary credentials', async () => {
    const env = { AWS_ACCESS_KEY_ID: KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: KEYS.secretAccessKey, AWS_SESSION_TOKEN: 'FwoGZXIvYXdzEXAMPLE' };
    const headers = await createBedrockAuthorizer(input({ env }), NOW).headers(request());
    expect(headers['x-amz-security-token']).toBe('FwoGZXIvYXdzEXAMPLE');
    expect(headers.authorization).toContain('SignedHeaders=host;x-amz-date;x-amz-security-token;x-amz-trace,');
  });

  it('sends a Bedrock API key as a bearer token', async () => {
    const headers = await createBedrockAuthorizer(input({ override: { apiKey: 'ABSKbedrock' }, apiKey: 'ABSKbedrock' }), NOW).headers(request());
    expect(headers).toEqual({ authorization: 'Bearer ABSKbedrock' });
  });

  it('without credentials fails with an AuthenticationError naming every way to give them', async () => {
    const error = await failure(createBedrockAuthorizer(input(), NOW).headers(request()));
    expect(error.kind).toBe('Authentication');
    for (const name of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_BEARER_TOKEN_BEDROCK', 'providers.bedrock.aws']) {
      expect(error.message).toContain(name);
    }
  });

  it('fails when the configured region disagrees with the host instead of signing for the wrong one', async () => {
    const authorizer = createBedrockAuthorizer(input({ override: { aws: { ...KEYS, region: 'eu-west-1' } } }), NOW);
    const error = await failure(authorizer.headers(request()));
    expect(error.kind).toBe('Configuration');
    expect(error.message).toContain('providers.bedrock.aws.region says eu-west-1');
    expect(error.message).toContain('urlVariables.region');
    const fromDefault = createBedrockAuthorizer(input({ env: { ...envKeys(), AWS_DEFAULT_REGION: 'ap-south-1' } }), NOW);
    expect((await failure(fromDefault.headers(request()))).message).toContain('AWS_DEFAULT_REGION says ap-south-1');
  });

  it('accepts a matching region and an explicit urlVariables.region', async () => {
    const matching = createBedrockAuthorizer(input({ env: { ...envKeys(), AWS_REGION: 'eu-west-1' } }), NOW);
    const euUrl = 'https://bedrock-runtime.eu-west-1.amazonaws.com/model/x/converse';
    expect((await matching.headers(request(euUrl))).authorization).toContain('/eu-west-1/bedrock/aws4_request');
    const explicit = createBedrockAuthorizer(input({ override: { aws: { ...KEYS, region: 'us-east-1' }, urlVariables: { region: 'eu-west-1' } } }), NOW);
    expect((await explicit.headers(request(euUrl))).authorization).toContain('/eu-west-1/bedrock/aws4_request');
  });

  it('on a host that is not AWS (a proxy, a test server) signs for the configured region', async () => {
    const proxy = 'http://127.0.0.1:8080/model/x/converse';
    const fromOption = createBedrockAuthorizer(input({ override: { aws: { ...KEYS, region: 'ap-northeast-1' } } }), NOW);
    expect((await fromOption.headers(request(proxy))).authorization).toContain('/ap-northeast-1/bedrock/');
    const fromDefault = createBedrockAuthorizer(input({ env: { ...envKeys(), AWS_DEFAULT_REGION: 'ca-central-1' } }), NOW);
    expect((await fromDefault.headers(request(proxy))).authorization).toContain('/ca-central-1/bedrock/');
    const none = createBedrockAuthorizer(input({ env: envKeys() }), NOW);
    expect((await none.headers(request(proxy))).authorization).toContain('/us-east-1/bedrock/');
  });

  it('reads the region of FIPS and VPC endpoint hosts', async () => {
    const authorizer = createBedrockAuthorizer(input({ env: envKeys() }), NOW);
    const vpce = 'https://vpce-0abc-1234.bedrock-runtime.us-west-2.vpce.amazonaws.com/model/x/converse';
    expect((await authorizer.headers(request(vpce))).authorization).toContain('/us-west-2/bedrock/');
    const fips = 'https://bedrock-runtime-fips.us-gov-west-1.amazonaws.com/model/x/converse';
    expect((await authorizer.headers(request(fips))).authorization).toContain('/us-gov-west-1/bedrock/');
  });
});

function envKeys(): Record<string, string> {
  return { AWS_ACCESS_KEY_ID: KEYS.accessKeyId, AWS_SECRET_ACCESS_KEY: KEYS.secretAccessKey };
}
