import { describe, expect, it } from 'vitest';
import { createAzureAuthorizer } from '../../../src/dialects/azure/create-azure-authorizer.js';
import type { AuthorizerInput } from '../../../src/dialects/dialect.js';

const request = { url: 'https://contoso.openai.azure.com/openai/deployments/d/chat/completions', method: 'POST', headers: {}, body: '{}' };
const input = (overrides: Partial<AuthorizerInput>): AuthorizerInput => ({
  providerId: 'azure',
  override: undefined,
  apiKey: undefined,
  env: {},
  fetch: undefined,
  ...overrides,
});

describe('createAzureAuthorizer', () => {
  it('leaves a configured api key to the static api-key header', () => {
    expect(createAzureAuthorizer(input({ apiKey: 'key' }))).toBeUndefined();
  });

  it('sends a fixed Entra ID token as a bearer token, which a 401 cannot refresh', async () => {
    const authorizer = createAzureAuthorizer(input({ override: { accessToken: 'eyJ0eXAi.fixed' }, apiKey: 'key' }));
    expect(await authorizer?.headers(request)).toEqual({ authorization: 'Bearer eyJ0eXAi.fixed' });
    expect(authorizer?.invalidate).toBeUndefined();
  });

  it('calls a token function for every request and lets a 401 retry with a fresh one', async () => {
    let calls = 0;
    const authorizer = createAzureAuthorizer(input({ override: { accessToken: async () => `token-${++calls}` } }));
    expect(await authorizer?.headers(request)).toEqual({ authorization: 'Bearer token-1' });
    expect(await authorizer?.headers(request)).toEqual({ authorization: 'Bearer token-2' });
    expect(authorizer?.invalidate?.()).toBe(true);
  });

  it('turns a failing or empty token function into an authentication error', async () => {
    const failing = createAzureAuthorizer(input({ override: { accessToken: () => Promise.reject(new Error('AADSTS7000215: invalid client secret')) } }));
    await expect(failing?.headers(request)).rejects.toMatchObject({ kind: 'Authentication', message: expect.stringContaining('AADSTS7000215') });
    const empty = createAzureAuthorizer(input({ override: { accessToken: () => '' } }));
    await expect(empty?.headers(request)).rejects.toMatchObject({ kind: 'Authentication', message: expect.stringContaining('returned no token') });
  });

  it('falls back to AZURE_OPENAI_API_KEY', async () => {
    const authorizer = createAzureAuthorizer(input({ env: { AZURE_OPENAI_API_KEY: 'from-sdk-env' } }));
    expect(await authorizer?.headers(request)).toEqual({ 'api-key': 'from-sdk-env' });
  });

  it('fails before sending without any credential, naming every option', async () => {
    const authorizer = createAzureAuthorizer(input({}));
    const error = await authorizer?.headers(request).then(
      () => undefined,
      (thrown: unknown) => thrown as Error,
    );
    expect(error).toMatchObject({ kind: 'Authentication', provider: 'azure' });
    for (const option of ['AZURE_API_KEY', 'AZURE_OPENAI_API_KEY', 'apiKeys.azure', 'providers.azure.accessToken']) {
      expect(error?.message).toContain(option);
    }
  });

  it('names the options of a custom provider on the azure dialect by its own id', async () => {
    const authorizer = createAzureAuthorizer(input({ providerId: 'azure_eu', env: { AZURE_OPENAI_API_KEY: 'not-for-this-provider' } }));
    await expect(authorizer?.headers(request)).rejects.toMatchObject({ message: expect.stringContaining('providers.azure_eu.accessToken') });
  });
});
