import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

import { getModelInfo as getFromCore } from '../../src/core.js';
import { getModelInfo } from '../../src/index.js';

interface SnapshotModel {
  readonly limit: { readonly context: number; readonly output: number };
  readonly cost?: { readonly input: number; readonly output: number; readonly cache_read?: number; readonly cache_write?: number };
}
const ROOT = new URL('../../', import.meta.url);
const snapshot = JSON.parse(readFileSync(new URL('schemas/catalog/api.json', ROOT), 'utf8')) as Record<string, { models: Record<string, SnapshotModel> }>;
const providerMap = Object.fromEntries(
  Object.entries((JSON.parse(readFileSync(new URL('schemas/catalog/provider-map.json', ROOT), 'utf8')) as { providers: Record<string, string | { id: string }> }).providers).map(
    ([ours, value]) => [ours, typeof value === 'string' ? value : value.id],
  ),
);

describe('getModelInfo', async () => {
  it('pins a sample to the snapshot values (source commit f3fc69229)', async () => {
    expect((await getModelInfo('anthropic/claude-sonnet-4-5'))).toEqual({
      provider: 'anthropic',
      id: 'claude-sonnet-4-5',
      contextWindow: 200_000,
      maxOutputTokens: 64_000,
      modalities: { input: ['text', 'image', 'pdf'], output: ['text'] },
      toolCall: true,
      reasoning: true,
      attachments: true,
      openWeights: false,
      temperature: true,
      knowledgeCutoff: '2025-07-31',
      releaseDate: '2025-09-29',
      lastUpdated: '2025-09-29',
      family: 'claude-sonnet',
      prices: { input: 3, output: 15, cacheRead: 0.3, cacheWrite: 3.75 },
    });
    const gpt4o = (await getModelInfo('openai/gpt-4o'));
    expect([gpt4o?.contextWindow, gpt4o?.maxOutputTokens, gpt4o?.prices]).toEqual([128_000, 16_384, { input: 2.5, output: 10, cacheRead: 1.25 }]);
    expect(gpt4o?.structuredOutput).toBe(true);
    const flash = (await getModelInfo('gemini/gemini-2.5-flash'));
    expect([flash?.provider, flash?.contextWindow, flash?.maxOutputTokens]).toEqual(['gemini', 1_048_576, 65_536]);
    const bedrock = (await getModelInfo('bedrock/us.anthropic.claude-sonnet-4-6'));
    expect([bedrock?.contextWindow, bedrock?.maxOutputTokens]).toEqual([1_000_000, 64_000]);
    // An Anthropic-compatible endpoint maps to its vendor's models.
    expect((await getModelInfo('deepseek_anthropic/deepseek-chat'))?.provider).toBe('deepseek_anthropic');
    expect((await getModelInfo('deepseek_anthropic/deepseek-chat'))?.contextWindow).toBe((await getModelInfo('deepseek/deepseek-chat'))?.contextWindow);
  });

  it('answers for every model of every mapped provider with the catalogue values', async () => {
    let checked = 0;
    for (const [ours, theirs] of Object.entries(providerMap)) {
      for (const [id, model] of Object.entries(snapshot[theirs]?.models ?? {})) {
        const info = (await getModelInfo(`${ours}/${id}`));
        const where = `${ours}/${id}`;
        expect(info?.contextWindow, where).toBe(model.limit.context);
        expect(info?.maxOutputTokens, where).toBe(model.limit.output);
        const cost = model.cost;
        expect(info?.prices, where).toEqual(
          cost === undefined
            ? undefined
            : {
                input: cost.input,
                output: cost.output,
                ...(cost.cache_read === undefined ? {} : { cacheRead: cost.cache_read }),
                ...(cost.cache_write === undefined ? {} : { cacheWrite: cost.cache_write }),
              },
        );
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(3000);
    // A provider mapped with a modelPattern still answers for every catalogue model.
    expect((await getModelInfo('vertex_ai/claude-sonnet-4-5@20250929'))?.maxOutputTokens).toBe(64_000);
  });

  it('resolves a bare name through the registry modelPrefixes, as calls do', async () => {
    expect((await getModelInfo('gpt-4o'))).toBe((await getModelInfo('openai/gpt-4o')));
    expect((await getModelInfo('claude-opus-4-1'))?.provider).toBe('anthropic');
    expect((await getModelInfo('mistral-large-latest'))?.provider).toBe('mistral');
    // `gpt-4o` is OpenAI's by prefix: Azure's copy is asked for by name.
    expect((await getModelInfo('azure/gpt-4o'))?.provider).toBe('azure');
  });

  it("answers for Bedrock's cross-region inference profiles with the plain model's record", async () => {
    const plain = await getModelInfo('bedrock/amazon.nova-pro-v1:0');
    expect(plain?.maxOutputTokens).toBeGreaterThan(0);
    for (const region of ['us', 'eu', 'apac', 'global']) expect(await getModelInfo(`bedrock/${region}.amazon.nova-pro-v1:0`)).toBe(plain);
    expect(await getModelInfo('bedrock/xx.amazon.nova-pro-v1:0')).toBeUndefined();
  });

  it('is undefined for an unknown model, provider or name no prefix claims', async () => {
    expect((await getModelInfo('openai/no-such-model'))).toBeUndefined();
    expect((await getModelInfo('no-such-provider/gpt-4o'))).toBeUndefined();
    expect((await getModelInfo('ollama/llama3.2'))).toBeUndefined(); // a local server: not in the catalogue
    expect((await getModelInfo('unclaimed-model'))).toBeUndefined();
    expect((await getModelInfo(''))).toBeUndefined();
    expect(await getModelInfo(42 as unknown as string)).toBeUndefined();
  });

  it('returns frozen records, the same object for the same model, from both entries', async () => {
    expect(getModelInfo('groq/llama-3.3-70b-versatile')).toBeInstanceOf(Promise);
    const info = (await getModelInfo('groq/llama-3.3-70b-versatile'));
    expect(info).toBeDefined();
    expect(Object.isFrozen(info)).toBe(true);
    expect((await getFromCore('groq/llama-3.3-70b-versatile'))).toBe(info);
  });
});
