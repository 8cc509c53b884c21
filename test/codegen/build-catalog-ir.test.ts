import { describe, expect, it } from 'vitest';

import { buildCatalogIr } from '../../codegen/catalog/build-catalog-ir.js';
import { CodegenError } from '../../codegen/codegen-error.js';
import { decodeModelRow } from '../../src/catalog/model-row.js';
import type { ProviderEntry } from '../../generated/types/provider-entry.js';

const entry = (id: string, extra: Partial<ProviderEntry> = {}): ProviderEntry => ({
  id,
  name: id,
  kind: 'hosted',
  baseURL: 'https://api.acme.example/v1',
  auth: { scheme: 'bearer', envVar: 'ACME_API_KEY' },
  endpoints: { chat: { path: '/chat/completions' } },
  ...extra,
});
const definitions = [
  entry('acme', { modelPrefixes: ['acme-'], modelExtras: { 'acme-embed': 'embedding model: models.dev does not list it', 'acme-large': 'listed anyway' } }),
  entry('acme_anthropic'),
  entry('other', { models: ['other-1'] }),
];

const model = {
  id: 'acme-large',
  name: 'Acme Large',
  family: 'acme',
  attachment: false,
  reasoning: true,
  tool_call: true,
  temperature: true,
  knowledge: '2025-01',
  release_date: '2025-02-01',
  last_updated: '2025-03-01',
  modalities: { input: ['text', 'image'], output: ['text'] },
  open_weights: true,
  cost: { input: 0.5, output: 1.5, cache_read: 0.05 },
  limit: { context: 131072, output: 8192 },
};

const inputs = (models: Record<string, unknown>, map: Record<string, string> = { acme: 'acme-ai', acme_anthropic: 'acme-ai' }) => ({
  snapshot: { path: 'schemas/catalog/api.json', data: { 'acme-ai': { id: 'acme-ai', name: 'Acme', env: [], npm: 'x', doc: 'x', models }, unused: { models: {} } } },
  providerMap: { path: 'schemas/catalog/provider-map.json', data: { providers: map } },
});

describe('buildCatalogIr', () => {
  it('derives one row per model of each mapped provider, shared by the ids mapped to it, and every prefix', () => {
    const ir = buildCatalogIr(inputs({ 'acme-large': model, 'acme-image': { ...model, cost: undefined, limit: { context: 0, output: 0 }, status: 'deprecated' } }), definitions);
    expect(ir.providers).toEqual({ acme: 'acme-ai', acme_anthropic: 'acme-ai' });
    expect(Object.keys(ir.tables)).toEqual(['acme-ai']);
    expect(ir.tables['acme-ai']?.map((row) => row[0])).toEqual(['acme-image', 'acme-large']);
    expect(ir.modelPrefixes).toEqual({ acme: ['acme-'] });
    // Chat models the catalogue lists (not the deprecated image model), then the extras it does not.
    expect(ir.models).toEqual({ acme: ['acme-large', 'acme-embed'], acme_anthropic: ['acme-large'] });
    const [image, large] = ir.tables['acme-ai'] ?? [];
    expect(decodeModelRow('acme_anthropic', large!)).toEqual({
      provider: 'acme_anthropic',
      id: 'acme-large',
      contextWindow: 131072,
      maxOutputTokens: 8192,
      modalities: { input: ['text', 'image'], output: ['text'] },
      toolCall: true,
      reasoning: true,
      attachments: false,
      openWeights: true,
      temperature: true,
      knowledgeCutoff: '2025-01',
      releaseDate: '2025-02-01',
      lastUpdated: '2025-03-01',
      family: 'acme',
      prices: { input: 0.5, output: 1.5, cacheRead: 0.05 },
    });
    const decodedImage = decodeModelRow('acme', image!);
    expect([decodedImage.prices, decodedImage.status, decodedImage.contextWindow]).toEqual([undefined, 'deprecated', 0]);
  });

  it('keeps only the ids a modelPattern allows in the derived models, and rejects a bad pattern', () => {
    const mapped = { acme: { id: 'acme-ai', modelPattern: '^acme-l', reason: 'serves the large models only' } } as unknown as Record<string, string>;
    const ir = buildCatalogIr(inputs({ 'acme-large': model, 'acme-small': model }, mapped), definitions);
    expect(ir.models).toEqual({ acme: ['acme-large', 'acme-embed'] });
    expect(ir.providers).toEqual({ acme: 'acme-ai' });
    const bad = { acme: { id: 'acme-ai', modelPattern: '(', reason: 'x' } } as unknown as Record<string, string>;
    expect(() => buildCatalogIr(inputs({}, bad), definitions)).toThrow(/providers\.acme\.modelPattern: Invalid regular expression/);
    const reasonless = { acme: { id: 'acme-ai', modelPattern: '^a' } } as unknown as Record<string, string>;
    expect(() => buildCatalogIr(inputs({}, reasonless), definitions)).toThrow('providers.acme: must be a models.dev provider id, or { "id", "modelPattern", "reason" } (strings)');
  });

  it('fails when a mapped entry still declares models, which the catalogue now gives', () => {
    expect(() => buildCatalogIr(inputs({}, { other: 'acme-ai' }), definitions)).toThrow(
      'schemas/providers.json: other: "models" is derived from the model catalogue (schemas/catalog/provider-map.json maps it to "acme-ai"); name the ids the catalogue does not list in "modelExtras", each with the reason it is kept',
    );
  });

  it('fails naming the map entry when an id is not in the registry or not in the snapshot', () => {
    expect(() => buildCatalogIr(inputs({}, { nope: 'acme-ai' }), definitions)).toThrow(
      new CodegenError('schemas/catalog/provider-map.json: providers.nope: not a provider of the registry'),
    );
    expect(() => buildCatalogIr(inputs({}, { acme: 'missing' }), definitions)).toThrow(
      'schemas/catalog/provider-map.json: providers.acme: "missing" is not a provider with models in schemas/catalog/api.json',
    );
  });

  it('fails naming the model and field when the snapshot has another shape', () => {
    expect(() => buildCatalogIr(inputs({ 'acme-large': { ...model, limit: { context: '128k', output: 1 } } }), definitions)).toThrow(
      'schemas/catalog/api.json: acme-ai: model "acme-large": limit.context must be a whole number >= 0',
    );
    expect(() => buildCatalogIr(inputs({ 'acme-large': { ...model, modalities: { input: ['smell'], output: ['text'] } } }), definitions)).toThrow(
      'model "acme-large": modalities.input must be a list of text, image, audio, video, pdf',
    );
    expect(() => buildCatalogIr(inputs({ 'acme-large': { ...model, cost: { output: 1 } } }), definitions)).toThrow('model "acme-large": cost.input must be a number >= 0');
  });
});
