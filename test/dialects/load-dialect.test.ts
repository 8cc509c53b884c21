import { describe, expect, it } from 'vitest';

import { DIALECTS_WITH_AUTHORIZERS, createLazyAuthorizerFactory } from '../../src/dialects/create-lazy-authorizer-factory.js';
import type { OutgoingRequest } from '../../src/dialects/dialect.js';
import { isDialectImplemented, loadDialect, loadDialectByName } from '../../src/dialects/load-dialect.js';
import { openAiDialect } from '../../src/dialects/openai/openai-dialect.js';
import { EndpointNotSupportedError } from '../../src/errors/error-classes.js';
import type { ResolvedProvider } from '../../src/routing/resolved-provider.js';

const NATIVE = ['anthropic', 'azure', 'bedrock', 'cohere', 'gemini', 'vertex_ai', 'watsonx'];
const request: OutgoingRequest = { method: 'POST', url: 'https://example.test/x', headers: {}, body: '{}' } as OutgoingRequest;
const input = { providerId: 'p', override: undefined, apiKey: undefined, env: {}, fetch: undefined };

describe('loadDialect', () => {
  it('has OpenAI at once and every native dialect on demand, then synchronously', async () => {
    expect(loadDialectByName('openai')).toBe(openAiDialect);
    for (const name of NATIVE) {
      expect(isDialectImplemented(name)).toBe(true);
      const dialect = await loadDialectByName(name);
      expect(dialect?.name).toBe(name);
      expect(loadDialectByName(name)).toBe(dialect);
    }
    expect(isDialectImplemented('cloudflare_workers_ai')).toBe(false);
    expect(loadDialectByName('cloudflare_workers_ai')).toBeUndefined();
  });

  it('answers OpenAI for a gateway and fails loudly for a dialect not implemented', () => {
    const provider = (dialect: string, gateway = false) => ({ id: 'p', gateway, definition: { dialect } }) as unknown as ResolvedProvider;
    expect(loadDialect(provider('anthropic', true))).toBe(openAiDialect);
    expect(() => loadDialect(provider('cloudflare_workers_ai'))).toThrow(EndpointNotSupportedError);
    expect(() => loadDialect(provider('cloudflare_workers_ai'))).toThrow(/"cloudflare_workers_ai" wire format/);
  });
});

describe('createLazyAuthorizerFactory', () => {
  it('lists exactly the dialects that create authorizers', async () => {
    const withAuthorizers: string[] = [];
    for (const name of ['openai', ...NATIVE]) {
      if ((await loadDialectByName(name))?.createAuthorizer !== undefined) withAuthorizers.push(name);
    }
    expect(withAuthorizers.sort()).toEqual([...DIALECTS_WITH_AUTHORIZERS].sort());
    expect(createLazyAuthorizerFactory('anthropic')).toBeUndefined();
    expect(createLazyAuthorizerFactory('openai')).toBeUndefined();
  });

  it('hands requests to the dialect authorizer, including its missing-credential error', async () => {
    const bedrock = createLazyAuthorizerFactory('bedrock')?.(input);
    await expect(bedrock?.headers(request)).rejects.toThrow(/no AWS credentials/);
    const azureToken = createLazyAuthorizerFactory('azure')?.({ ...input, override: { accessToken: () => 'entra-token' } });
    await expect(azureToken?.headers(request)).resolves.toEqual({ authorization: 'Bearer entra-token' });
    expect(azureToken?.invalidate?.()).toBe(true);
  });

  it('adds nothing when the dialect needs no per-request credentials (Azure with an API key)', async () => {
    const azureKey = createLazyAuthorizerFactory('azure')?.({ ...input, apiKey: 'azure-key' });
    expect(azureKey?.invalidate?.()).toBe(false);
    await expect(azureKey?.headers(request)).resolves.toEqual({});
    expect(azureKey?.invalidate?.()).toBe(false);
  });
});
