import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { computeCost } from '../../../src/middleware/cost/compute-cost.js';
import { createCostCalculator } from '../../../src/middleware/cost/create-cost-calculator.js';
import { listModelCandidates } from '../../../src/middleware/cost/list-model-candidates.js';
import type { PricingTable } from '../../../src/middleware/cost/pricing-table.js';
import { createFakeClock } from '../../support/fake-clock.js';
import { resolveModelInfo } from '../../../src/catalog/resolve-model-info.js';

interface SnapshotModel {
  readonly cost?: { readonly input: number; readonly output: number };
}
function snapshotModels(provider: string): Record<string, SnapshotModel> {
  const snapshot = JSON.parse(readFileSync(new URL('../../../schemas/catalog/api.json', import.meta.url), 'utf8')) as Record<string, { models: Record<string, SnapshotModel> }>;
  return snapshot[provider]?.models ?? {};
}

async function readyCalculator(clock = createFakeClock(Date.UTC(2025, 5, 1, 12))) {
  const calculator = createCostCalculator({ prices: { 'ollama/llama3.2': { input: 0.1, output: 0.2 } } }, { clock });
  await calculator.ready();
  return calculator;
}

describe('createCostCalculator (real table)', () => {
  it('splits cached input out of prompt tokens (gpt-4o: 2.5 in, 1.25 cached, 10 out per million)', async () => {
    const calculator = await readyCalculator();
    const usd = calculator.costOf('openai', 'gpt-4o', { prompt_tokens: 1000, completion_tokens: 500, prompt_tokens_details: { cached_tokens: 200 } });
    expect(usd).toBeCloseTo((800 * 2.5 + 200 * 1.25 + 500 * 10) / 1e6, 12);
  });

  it('prices cache reads and writes apart (Claude Sonnet 4: 3, 0.3 read, 3.75 write, 15 out)', async () => {
    const calculator = await readyCalculator();
    const usd = calculator.costOf('anthropic', 'claude-sonnet-4-20250514', {
      prompt_tokens: 5000,
      completion_tokens: 100,
      prompt_tokens_details: { cached_tokens: 2000, cache_write_tokens: 1000 },
    });
    expect(usd).toBeCloseTo((2000 * 3 + 2000 * 0.3 + 1000 * 3.75 + 100 * 15) / 1e6, 12);
  });

  it('applies the >200k-token tier of Gemini 2.5 Pro to every token, and not at exactly 200k', async () => {
    const calculator = await readyCalculator();
    expect(calculator.costOf('gemini', 'gemini-2.5-pro', { prompt_tokens: 100_000, completion_tokens: 1000 })).toBeCloseTo(0.135, 12);
    expect(calculator.costOf('gemini', 'gemini-2.5-pro', { prompt_tokens: 200_000, completion_tokens: 1000 })).toBeCloseTo(0.26, 12);
    expect(calculator.costOf('gemini', 'gemini-2.5-pro', { prompt_tokens: 250_000, completion_tokens: 1000 })).toBeCloseTo((250_000 * 2.5 + 1000 * 15) / 1e6, 12);
  });

  it('prices reasoning tokens at their own rate and adds per-request fees', async () => {
    const calculator = await readyCalculator();
    const reasoning = calculator.costOf('perplexity', 'sonar-deep-research', {
      prompt_tokens: 1000,
      completion_tokens: 3000,
      completion_tokens_details: { reasoning_tokens: 2000 },
    });
    expect(reasoning).toBeCloseTo((1000 * 2 + 1000 * 8 + 2000 * 3) / 1e6, 12);
    expect(calculator.costOf('perplexity', 'sonar', { prompt_tokens: 1000, completion_tokens: 1000 })).toBeCloseTo(0.002 + 0.012, 12);
  });

  it('follows time-of-day prices with the injected clock (DeepSeek off-peak)', async () => {
    const clock = createFakeClock(Date.UTC(2025, 5, 1, 10));
    const calculator = await readyCalculator(clock);
    const usage = { prompt_tokens: 1_000_000, completion_tokens: 0 };
    expect(calculator.costOf('deepseek', 'deepseek-chat', usage)).toBeCloseTo(0.27, 12);
    clock.set(Date.UTC(2025, 5, 1, 20));
    expect(calculator.costOf('deepseek', 'deepseek-chat', usage)).toBeCloseTo(0.135, 12);
  });

  it('normalises served ids: Bedrock regional/versioned, Vertex @versions, Gemini models/, dated ids', async () => {
    const calculator = await readyCalculator();
    const usage = { prompt_tokens: 1000, completion_tokens: 1000 };
    expect(calculator.matchOf('bedrock', 'us.anthropic.claude-3-5-sonnet-20241022-v2:0')?.table).toBe('aws');
    expect(calculator.matchOf('vertex_ai', 'claude-sonnet-4@20250514')).toMatchObject({ table: 'google', modelId: 'claude-4-sonnet' });
    expect(calculator.costOf('gemini', 'models/gemini-2.5-pro', usage)).toBe(calculator.costOf('gemini', 'gemini-2.5-pro', usage));
    expect(calculator.costOf('openai', 'GPT-4o-2024-08-06', usage)).toBeCloseTo((1000 * 2.5 + 1000 * 10) / 1e6, 12);
    expect(calculator.costOf('openai', 'gpt-4.1-mini-20250414', usage)).toBe(calculator.costOf('openai', 'gpt-4.1-mini', usage));
  });

  it('prices a pass-through gateway model as its vendor, but never a host with its own prices', async () => {
    const calculator = await readyCalculator();
    const usage = { prompt_tokens: 1000, completion_tokens: 1000 };
    expect(calculator.costOf('gateway', 'openai/gpt-4o', usage)).toBe(calculator.costOf('openai', 'gpt-4o', usage));
    expect(calculator.costOf('deepinfra', 'openai/gpt-4o', usage)).toBeUndefined();
    // A bare name is the vendor's whose modelPrefixes claim it, as a call without a gateway routes it.
    expect(calculator.costOf('gateway', 'gpt-4o', usage)).toBe(calculator.costOf('openai', 'gpt-4o', usage));
    expect(calculator.costOf('litellm_proxy', 'claude-sonnet-4-5', usage)).toBe(calculator.costOf('anthropic', 'claude-sonnet-4-5', usage));
    expect(calculator.matchOf('gateway', 'claude-sonnet-4-5')?.table).toBe('anthropic');
    expect(calculator.costOf('gateway', 'mystery-4', usage)).toBeUndefined();
  });

  it('falls back to the model catalogue prices where genai-prices has none, genai-prices first', async () => {
    const calculator = await readyCalculator();
    const usage = { prompt_tokens: 1_000_000, completion_tokens: 1_000_000, prompt_tokens_details: { cached_tokens: 200_000 } };
    // genai-prices wins where it has the model.
    expect(calculator.matchOf('openai', 'gpt-4o')?.table).toBe('openai');
    // chutes bills its own prices: genai-prices does not map it, the catalogue lists them.
    const info = resolveModelInfo('chutes/Qwen/Qwen3-32B-TEE');
    expect(info?.prices).toBeDefined();
    const prices = info?.prices as { input: number; output: number; cacheRead?: number };
    expect(calculator.matchOf('chutes', 'Qwen/Qwen3-32B-TEE')).toMatchObject({ table: 'models.dev', modelId: 'Qwen/Qwen3-32B-TEE' });
    expect(calculator.costOf('chutes', 'Qwen/Qwen3-32B-TEE', usage)).toBeCloseTo(
      (800_000 * prices.input + 200_000 * (prices.cacheRead ?? prices.input) + 1_000_000 * prices.output) / 1e6,
      12,
    );
    // A model genai-prices' tables do not list, on a provider it maps: the catalogue's price.
    const unlisted = Object.entries(snapshotModels('openai')).find(([id]) => calculator.matchOf('openai', id)?.table === 'models.dev');
    expect(unlisted, 'an OpenAI model priced by the catalogue only').toBeDefined();
    expect(calculator.priceOf('openai', unlisted?.[0] as string)).toMatchObject({ input: unlisted?.[1].cost?.input, output: unlisted?.[1].cost?.output });
  });

  it('returns undefined (never 0) for unknown models and models without token prices', async () => {
    const calculator = await readyCalculator();
    expect(calculator.costOf('openai', 'gpt-unknown-9', { prompt_tokens: 10, completion_tokens: 10 })).toBeUndefined();
    expect(calculator.costOf('openai', 'whisper-1', { prompt_tokens: 10, completion_tokens: 10 })).toBeUndefined();
    expect(calculator.costOf('ollama', 'llama3.2', { prompt_tokens: 1_000_000, completion_tokens: 1_000_000 })).toBeCloseTo(0.3, 12);
  });

  it('needs ready() before sync lookups, and computeCost loads the table itself', async () => {
    const calculator = createCostCalculator();
    expect(() => calculator.costOf('openai', 'gpt-4o', {})).toThrow(/ready\(\)/);
    expect(await computeCost('openai', 'gpt-4o-mini', { prompt_tokens: 1_000_000, completion_tokens: 1_000_000 })).toBeCloseTo(0.75, 12);
  });
});

describe('createCostCalculator (injected table)', () => {
  const table: PricingTable = {
    source: 'test',
    providers: { acme: ['acme', 'shared'] },
    tables: {
      acme: [{ id: 'a', match: { starts_with: 'acme-a' }, prices: [{ prices: { input: 1 } }, { from: '2026-01-01', prices: { input: 2 } }] }],
      shared: [{ id: 'b', match: { regex: '^acme-b-\\d+$' }, prices: { output: 4 } }],
    },
  };

  it('searches fallback tables in order, with regex rules, and switches prices at a start date', async () => {
    const clock = createFakeClock(Date.UTC(2025, 11, 31, 23));
    const calculator = createCostCalculator({}, { clock, loadTable: async () => table });
    await calculator.ready();
    expect(calculator.costOf('acme', 'acme-a1', { prompt_tokens: 1e6 })).toBe(1);
    clock.set(Date.UTC(2026, 0, 1));
    expect(calculator.costOf('acme', 'acme-a1', { prompt_tokens: 1e6 })).toBe(2);
    expect(calculator.matchOf('acme', 'acme-b-12')).toMatchObject({ table: 'shared', modelId: 'b' });
    expect(calculator.matchOf('acme', 'acme-b-x')).toBeUndefined();
  });

  it('retries a failed table load on the next ready()', async () => {
    let calls = 0;
    const calculator = createCostCalculator({}, {
      loadTable: async () => {
        calls += 1;
        if (calls === 1) throw new Error('disk');
        return table;
      },
    });
    await expect(calculator.ready()).rejects.toThrow('disk');
    await calculator.ready();
    expect(calls).toBe(2);
  });
});

describe('listModelCandidates', () => {
  it('lists the normalised ids in order', () => {
    expect(listModelCandidates(' Models/Gemini-1.5-Pro-002 ')).toEqual(['gemini-1.5-pro-002', 'gemini-1.5-pro']);
    expect(listModelCandidates('claude-3-5-sonnet-20241022')).toEqual(['claude-3-5-sonnet-20241022', 'claude-3-5-sonnet-2024-10-22', 'claude-3-5-sonnet']);
    expect(listModelCandidates('anthropic.claude-v2:1')).toEqual(['anthropic.claude-v2:1', 'anthropic.claude-v2']);
    expect(listModelCandidates('gpt-4o-latest')).toEqual(['gpt-4o-latest', 'gpt-4o']);
  });
});
