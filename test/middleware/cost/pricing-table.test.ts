import { readdirSync, readFileSync } from 'node:fs';
import { calcPrice } from '@pydantic/genai-prices';
import { describe, expect, it } from 'vitest';
import { buildPricingTable, PRICING_TABLE_PATH, renderPricingTable } from '../../../codegen/pricing/build-pricing-table.js';
import { PRICING_PROVIDER_IDS } from '../../../codegen/pricing/pricing-provider-ids.js';
import type { Usage } from '../../../generated/types/index.js';
import { createCostCalculator } from '../../../src/middleware/cost/create-cost-calculator.js';
import { loadPricingTable } from '../../../src/middleware/cost/load-pricing-table.js';
import type { MatchRule, PricingTable } from '../../../src/middleware/cost/pricing-table.js';
import { createFakeClock } from '../../support/fake-clock.js';

describe('schemas/pricing.json', () => {
  it('is exactly what the build script produces (run `npx tsx codegen/pricing/build-pricing-table.ts`)', () => {
    expect(readFileSync(PRICING_TABLE_PATH, 'utf8')).toBe(renderPricingTable());
  });

  it('builds deterministically: two runs give identical bytes', () => {
    expect(renderPricingTable(buildPricingTable())).toBe(renderPricingTable(buildPricingTable()));
  });

  it('keys providers by our registry ids and names the package version', async () => {
    const table = await loadPricingTable();
    expect(table.source).toMatch(/^@pydantic\/genai-prices \d+\.\d+\.\d+$/);
    expect(table.providers.bedrock).toEqual(['aws']);
    expect(table.providers.vertex_ai).toEqual(['google', 'anthropic']);
    for (const lists of Object.values(table.providers)) for (const name of lists) expect(table.tables[name]?.length).toBeGreaterThan(0);
    expect(Object.keys(table.providers)).toEqual(Object.keys(PRICING_PROVIDER_IDS).sort());
  });

  it('is loaded only by a dynamic import in load-pricing-table.ts (off the import path)', () => {
    const directory = new URL('../../../src/middleware/', import.meta.url);
    const files = ['cost', 'budget', 'tracing'].flatMap((folder) =>
      readdirSync(new URL(`${folder}/`, directory)).map((name) => new URL(`${folder}/${name}`, directory)),
    );
    const referencing = files.filter((file) => /['"][^'"]*pricing\.json['"]/.test(readFileSync(file, 'utf8')));
    expect(referencing.map((file) => file.pathname.split('/').slice(-2).join('/'))).toEqual(['cost/load-pricing-table.ts']);
    const loader = readFileSync(referencing[0] as URL, 'utf8');
    expect(loader).toMatch(/await import\('\.\.\/\.\.\/\.\.\/schemas\/pricing\.json', \{ with: \{ type: 'json' \} \}\)/);
    expect(loader).not.toMatch(/^import .*pricing\.json/m);
  });

  it('fails the build for a mapped provider that is not in our registry', () => {
    expect(() => buildPricingTable(['openai'])).toThrow(/not in schemas\/providers.json/);
  });
});

/** A model id that a rule matches, when the rule has a literal one. */
function sampleId(rule: MatchRule): string | undefined {
  if ('equals' in rule) return rule.equals;
  if ('starts_with' in rule) return rule.starts_with;
  if ('or' in rule) {
    for (const inner of rule.or) {
      const found = sampleId(inner);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

const USAGES: readonly Usage[] = [
  { prompt_tokens: 1_000, completion_tokens: 200 },
  {
    prompt_tokens: 12_000,
    completion_tokens: 3_000,
    prompt_tokens_details: { cached_tokens: 4_000, cache_write_tokens: 2_000 },
    completion_tokens_details: { reasoning_tokens: 1_000 },
  },
  { prompt_tokens: 250_000, completion_tokens: 10_000, prompt_tokens_details: { cached_tokens: 50_000 } },
];

function toGenaiUsage(usage: Usage): Record<string, number> {
  return {
    input_tokens: usage.prompt_tokens ?? 0,
    cache_read_tokens: usage.prompt_tokens_details?.cached_tokens ?? 0,
    cache_write_tokens: usage.prompt_tokens_details?.cache_write_tokens ?? 0,
    output_tokens: usage.completion_tokens ?? 0,
    output_reasoning_tokens: usage.completion_tokens_details?.reasoning_tokens ?? 0,
  };
}

describe('costs from the compact table', () => {
  it('equal genai-prices calcPrice for every model of every mapped provider, at peak and off-peak times', async () => {
    const table: PricingTable = await loadPricingTable();
    const clock = createFakeClock(Date.UTC(2025, 5, 1, 12));
    const calculator = createCostCalculator({}, { clock, loadTable: async () => table });
    await calculator.ready();
    let compared = 0;
    for (const [ours, theirs] of Object.entries(PRICING_PROVIDER_IDS)) {
      for (const model of table.tables[theirs] ?? []) {
        const id = sampleId(model.match);
        if (id === undefined) continue;
        for (const at of [Date.UTC(2025, 5, 1, 3), Date.UTC(2025, 5, 1, 20), Date.UTC(2027, 0, 1, 12)]) {
          clock.set(at);
          for (const usage of USAGES) {
            const expected = calcPrice(toGenaiUsage(usage), id, { providerId: theirs, timestamp: new Date(at) });
            const actual = calculator.costOf(ours, id, usage);
            if (expected === null) continue;
            const hasUnsupported = Object.keys(expected.model_price).some(
              (key) => !/^(input|cache_read|cache_write|output|output_reasoning)_mtok$|^requests_kcount$|^cache_write_(5m|1h)_mtok$/.test(key),
            );
            if (hasUnsupported) continue;
            expect(actual, `${ours}/${id} at ${new Date(at).toISOString()}`).toBeCloseTo(expected.total_price, 9);
            compared += 1;
          }
        }
      }
    }
    expect(compared).toBeGreaterThan(1_000);
  });
});
