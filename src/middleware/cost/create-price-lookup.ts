import { listModelCandidates } from './list-model-candidates.js';
import { matchModelRule } from './match-model-rule.js';
import type { PricedModel, PriceSet, PricingTable } from './pricing-table.js';

/** Where a served model's prices came from. */
export interface PriceMatch {
  /** The price table (genai-prices provider id), or `custom` for a `prices` override. */
  readonly table: string;
  /** genai-prices' model id that matched (or the override key). */
  readonly modelId: string;
  readonly prices: PricedModel['prices'];
}

/** Finds the prices of `provider/model` (served ids); memoized per pair. */
export type PriceLookup = (provider: string, model: string) => PriceMatch | undefined;

/**
 * Providers that pass calls through to the vendor named in the model (`openai/gpt-4o`) and bill its
 * list price: the client-level `baseURL` gateway and known pass-through proxies. Hosts that serve
 * `vendor/model` ids at their own prices (deepinfra, together, ...) are deliberately not here.
 */
const PASS_THROUGH_PROVIDERS = new Set(['gateway', 'litellm_proxy', 'portkey', 'helicone', 'vercel_ai_gateway']);

/**
 * A lookup over the table: `overrides` (keys `provider/model`, exact, case-insensitive) first, then
 * the provider's tables in order with each candidate id (see `listModelCandidates`). On a
 * pass-through provider a model `<provider>/<model>` is priced as that provider's model.
 */
export function createPriceLookup(table: PricingTable, overrides: Readonly<Record<string, PriceSet>> = {}): PriceLookup {
  const custom = new Map(Object.entries(overrides).map(([key, prices]) => [key.toLowerCase(), prices]));
  const patterns = new Map<string, RegExp>();
  const compile = (source: string): RegExp => {
    let pattern = patterns.get(source);
    if (pattern === undefined) {
      pattern = new RegExp(source);
      patterns.set(source, pattern);
    }
    return pattern;
  };
  const memo = new Map<string, PriceMatch | undefined>();

  const findIn = (provider: string, model: string): PriceMatch | undefined => {
    const override = custom.get(`${provider}/${model}`.toLowerCase());
    if (override !== undefined) return { table: 'custom', modelId: `${provider}/${model}`, prices: override };
    const tables = table.providers[provider];
    if (tables === undefined) {
      const slash = model.indexOf('/');
      if (!PASS_THROUGH_PROVIDERS.has(provider) || slash <= 0) return undefined;
      const vendor = model.slice(0, slash);
      return PASS_THROUGH_PROVIDERS.has(vendor) ? undefined : findIn(vendor, model.slice(slash + 1));
    }
    for (const candidate of listModelCandidates(model)) {
      for (const name of tables) {
        const found = table.tables[name]?.find((entry) => matchModelRule(entry.match, candidate, compile));
        if (found !== undefined) return { table: name, modelId: found.id, prices: found.prices };
      }
    }
    return undefined;
  };

  return (provider, model) => {
    const key = `${provider}\u0000${model}`;
    if (memo.has(key)) return memo.get(key);
    const found = findIn(provider, model);
    if (memo.size >= 1024) memo.clear();
    memo.set(key, found);
    return found;
  };
}
