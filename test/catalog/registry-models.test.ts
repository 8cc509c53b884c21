import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { isServedByEntry } from '../../codegen/catalog/is-served-by-entry.js';
import { providerRegistry } from '../../generated/registry.js';
import type { ProviderEntry } from '../../generated/types/provider-entry.js';
import { normalizeProviderEntry } from '../../src/registry/normalize-provider-entry.js';

interface SnapshotModel {
  readonly modalities: { readonly input: readonly string[]; readonly output: readonly string[] };
  readonly status?: string;
}
const ROOT = new URL('../../', import.meta.url);
const snapshot = JSON.parse(readFileSync(new URL('schemas/catalog/api.json', ROOT), 'utf8')) as Record<string, { models: Record<string, SnapshotModel> }>;
type Mapped = string | { id: string; modelPattern: string };
const providerMap = (JSON.parse(readFileSync(new URL('schemas/catalog/provider-map.json', ROOT), 'utf8')) as { providers: Record<string, Mapped> }).providers;
const entries = (JSON.parse(readFileSync(new URL('schemas/providers.json', ROOT), 'utf8')) as { providers: ProviderEntry[] }).providers;

describe("registry entries' models, derived from the model catalogue", () => {
  it('list every chat model the catalogue gives each mapped provider on its API, drop deprecated ones, and keep only extras with a reason', () => {
    for (const [ours, mapped] of Object.entries(providerMap)) {
      const theirs = typeof mapped === 'string' ? mapped : mapped.id;
      const pattern = typeof mapped === 'string' ? /(?:)/ : new RegExp(mapped.modelPattern);
      const entry = entries.find((candidate) => candidate.id === ours) as ProviderEntry;
      expect(entry.models, `${ours} declares models`).toBeUndefined();
      const catalog = snapshot[theirs]?.models ?? {};
      const chat = Object.entries(catalog)
        .filter(
          ([id, model]) =>
            model.modalities.input.includes('text') &&
            model.modalities.output.includes('text') &&
            model.status !== 'deprecated' &&
            pattern.test(id) &&
            isServedByEntry(model, entry),
        )
        .map(([id]) => id);
      const models: readonly string[] = providerRegistry[ours as keyof typeof providerRegistry].models;
      expect(models.slice(0, chat.length), ours).toEqual([...chat].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
      for (const id of models.slice(chat.length)) {
        expect(entry.modelExtras?.[id], `${ours}/${id} is listed without a reason`).toMatch(/\S/);
        expect(chat, `${ours}/${id}`).not.toContain(id);
      }
      for (const [id, model] of Object.entries(catalog)) if (model.status === 'deprecated') expect(models, `${ours}/${id}`).not.toContain(id);
    }
  });

  it('no longer lists retired ids the catalogue dropped, and lists the ones it added', () => {
    expect(providerRegistry.xai.models).not.toContain('grok-2-vision-1212');
    expect(providerRegistry.xai.models).not.toContain('grok-3-mini');
    expect(providerRegistry.groq.models).not.toContain('gemma2-9b-it');
    expect(providerRegistry.groq.models).not.toContain('deepseek-r1-distill-llama-70b');
    // What models.dev tracks now is there.
    expect(providerRegistry.anthropic.models).toContain('claude-opus-4-5');
    expect(providerRegistry.gemini.models).toContain('gemini-2.5-pro');
    // vertex_ai serves Gemini only (for now): the catalogue's Claude and MaaS models are not offered.
    expect(providerRegistry.vertex_ai.models.every((id) => id.startsWith('gemini-') || id.startsWith('text-'))).toBe(true);
  });

  it('adds modelExtras to the models of a custom provider too', () => {
    const definition = normalizeProviderEntry({
      id: 'acme',
      name: 'Acme',
      kind: 'hosted',
      baseURL: 'https://api.acme.example/v1',
      auth: { scheme: 'bearer', envVar: 'ACME_API_KEY' },
      endpoints: { chat: { path: '/chat/completions' } },
      models: ['acme-large'],
      modelExtras: { 'acme-embed': 'embedding model', 'acme-large': 'listed twice' },
    });
    expect(definition.models).toEqual(['acme-large', 'acme-embed']);
  });
});
