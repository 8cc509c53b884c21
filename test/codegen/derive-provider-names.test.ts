import { describe, expect, it } from 'vitest';

import { deriveProviderNames } from '../../codegen/derive-provider-names.js';

describe('deriveProviderNames', () => {
  it.each([
    ['groq', 'groqProvider', 'GroqModelId', 'groq'],
    ['vertex_ai', 'vertexAiProvider', 'VertexAiModelId', 'vertex-ai'],
    ['ai21', 'ai21Provider', 'Ai21ModelId', 'ai21'],
    ['cloudflare_workers_ai', 'cloudflareWorkersAiProvider', 'CloudflareWorkersAiModelId', 'cloudflare-workers-ai'],
    ['a_1b', 'a1bProvider', 'A1bModelId', 'a-1b'],
  ])('%s -> %s, %s, %s.ts', (id, constName, modelTypeName, moduleName) => {
    expect(deriveProviderNames(id)).toEqual({ constName, modelTypeName, moduleName });
  });
});
