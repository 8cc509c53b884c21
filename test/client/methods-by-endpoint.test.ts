import { describe, expect, it } from 'vitest';
import { providerRegistry } from '../../generated/registry.js';
import { METHODS_BY_ENDPOINT } from '../../src/client/methods-by-endpoint.js';
import { createClient, type EndpointName } from '../../src/index.js';

describe('METHODS_BY_ENDPOINT', () => {
  it('maps every endpoint to the methods the types give it (see endpoint-methods.test-d.ts)', () => {
    expect(METHODS_BY_ENDPOINT).toEqual({
      chat: ['chat', 'chatStream'],
      embeddings: ['embed'],
      models: ['listModels'],
      completions: ['completion'],
      images: ['imageGenerate'],
      speech: ['speech'],
      transcriptions: ['transcribe'],
      translations: ['translate'],
      moderations: ['moderate'],
      rerank: ['rerank'],
      search: ['search'],
      ocr: ['ocr'],
      files: ['files'],
      batches: ['batches'],
      responses: ['responses'],
    });
  });

  it('names only methods the multi-provider client has', () => {
    const client = createClient() as unknown as Record<string, unknown>;
    for (const method of Object.values(METHODS_BY_ENDPOINT).flat()) expect(client[method], method).toBeDefined();
  });

  it('gives every registry provider exactly the methods of the endpoints it declares', () => {
    const client = createClient();
    for (const definition of Object.values(providerRegistry)) {
      const expected = (Object.keys(definition.endpoints) as EndpointName[]).flatMap(
        (endpoint) => METHODS_BY_ENDPOINT[endpoint],
      );
      const bound = client.provider(definition.id as 'openai') as unknown as Record<string, unknown>;
      expect(Object.keys(bound).sort(), definition.id).toEqual(['id', ...expected].sort());
    }
  });
});
