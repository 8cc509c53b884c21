import { describe, expect, it } from 'vitest';

import { buildCatalogIr } from '../../codegen/catalog/build-catalog-ir.js';
import { isServedByEntry } from '../../codegen/catalog/is-served-by-entry.js';
import type { ProviderEntry } from '../../generated/types/provider-entry.js';

const entry = (extra: Partial<ProviderEntry> = {}): ProviderEntry => ({
  id: 'acme',
  name: 'Acme',
  kind: 'hosted',
  baseURL: 'https://{region}.acme.example/v1',
  urlVariables: { region: { envVar: 'ACME_REGION' } },
  auth: { scheme: 'bearer', envVar: 'ACME_API_KEY' },
  endpoints: { chat: { path: '/chat/completions' } },
  ...extra,
});
const chatModel = {
  name: 'Acme',
  attachment: false,
  reasoning: false,
  tool_call: true,
  temperature: true,
  open_weights: false,
  release_date: '2026-01-01',
  last_updated: '2026-01-01',
  modalities: { input: ['text'], output: ['text'] },
  limit: { context: 1000, output: 100 },
};

describe('isServedByEntry', () => {
  it('serves a model models.dev does not mark, and one marked with the entry\'s own base URL', () => {
    expect(isServedByEntry(chatModel, entry())).toBe(true);
    expect(isServedByEntry({ ...chatModel, provider: { npm: '@ai-sdk/anthropic' } }, entry())).toBe(true);
    expect(isServedByEntry({ ...chatModel, provider: { api: 'https://${ACME_REGION}.acme.example/v1/' } }, entry())).toBe(true);
  });

  it('does not serve a model marked with another base URL, nor a Responses-only model on an entry that declares chat', () => {
    expect(isServedByEntry({ ...chatModel, provider: { api: 'https://${ACME_REGION}.acme.example/anthropic/v1', npm: '@ai-sdk/anthropic' } }, entry())).toBe(false);
    expect(isServedByEntry({ ...chatModel, provider: { shape: 'responses' } }, entry())).toBe(false);
    const responsesOnly = entry({ endpoints: { responses: { path: '/responses' } } });
    expect(isServedByEntry({ ...chatModel, provider: { shape: 'responses' } }, responsesOnly)).toBe(true);
  });

  it('keeps what an entry does not serve out of its derived models, and getModelInfo rows in', () => {
    const snapshot = {
      path: 'schemas/catalog/api.json',
      data: {
        'acme-ai': {
          api: 'https://${ACME_REGION}.acme.example/v1',
          models: {
            'acme-chat': { ...chatModel, id: 'acme-chat' },
            'acme-claude': { ...chatModel, id: 'acme-claude', provider: { api: 'https://${ACME_REGION}.acme.example/anthropic/v1', npm: '@ai-sdk/anthropic' } },
            'acme-reasoner': { ...chatModel, id: 'acme-reasoner', provider: { shape: 'responses' } },
          },
        },
      },
    };
    const anthropicEntry = entry({ id: 'acme_anthropic', dialect: 'anthropic', baseURL: 'https://{region}.acme.example/anthropic/v1', endpoints: { chat: { path: '/messages' } } });
    const ir = buildCatalogIr(
      { snapshot, providerMap: { path: 'schemas/catalog/provider-map.json', data: { providers: { acme: 'acme-ai', acme_anthropic: 'acme-ai' } } } },
      [entry(), anthropicEntry],
    );
    expect(ir.models).toEqual({ acme: ['acme-chat'], acme_anthropic: ['acme-chat', 'acme-claude'] });
    expect(ir.tables['acme-ai']?.map((row) => row[0])).toEqual(['acme-chat', 'acme-claude', 'acme-reasoner']);
  });
});

describe('the derived model lists of the registry', () => {
  it('leave out the models a provider serves on another API', async () => {
    const { providerRegistry } = await import('../../generated/registry.js');
    // Azure serves Claude on services.ai.azure.com/anthropic, not on the Azure OpenAI resource.
    expect(providerRegistry.azure.models.some((id) => id.startsWith('claude-'))).toBe(false);
    expect(providerRegistry.azure_v1.models.some((id) => id.startsWith('claude-'))).toBe(false);
    // ZenMux's Anthropic models are on /api/anthropic/v1; OpenCode Zen's Claude models on /messages.
    expect(providerRegistry.zenmux.models.some((id) => id.startsWith('anthropic/'))).toBe(false);
    expect(providerRegistry.opencode_zen.models.some((id) => id.startsWith('claude-'))).toBe(false);
    expect(providerRegistry.opencode_zen_anthropic.models.length).toBeGreaterThan(0);
    expect(providerRegistry.opencode_zen_anthropic.models.every((id) => id.startsWith('claude-'))).toBe(true);
    // Sakana serves its models through the Responses API only, which is what the entry declares.
    expect(Object.keys(providerRegistry.sakana.endpoints)).toEqual(['responses']);
    expect(providerRegistry.sakana.models.length).toBeGreaterThan(0);
  });
});
