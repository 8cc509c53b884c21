import type { ModelCatalog } from '../../catalog/load-model-catalog.js';
import { listModelCandidates } from './list-model-candidates.js';
import { matchModelRule } from './match-model-rule.js';
import type { PricedModel, PriceSet, PricingTable } from './pricing-table.js';

/** Where a served model's prices came from. */
export interface PriceMatch {
  /** The price table (genai-prices provider id), `custom` for a `prices` override, `models.dev` for the catalogue. */
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
export const PASS_THROUGH_PROVIDERS: ReadonlySet<string> = new Set(['gateway', 'litellm_proxy', 'portkey', 'helicone', 'vercel_ai_gateway']);

/**
 * A lookup over the table: `overrides` (keys `provider/model`, exact, case-insensitive) first, then
 * the provider's tables in order with each candidate id (see `listModelCandidates`). On a
 * pass-through provider a model `<provider>/<model>` is priced as that provider's model, and a bare
 * name as the model of the provider whose `modelPrefixes` claim it (`gpt-4o` as OpenAI's). Where
 * genai-prices has no price, the model catalogue's (models.dev) list prices are used, when given.
 */
export function createPriceLookup(
  table: PricingTable,
  overrides: Readonly<Record<string, PriceSet>> = {},
  catalog?: ModelCatalog,
): PriceLookup {
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
      const passedThrough = PASS_THROUGH_PROVIDERS.has(provider) ? findPassedThrough(model) : undefined;
      return passedThrough ?? findInCatalog(provider, model);
    }
    for (const candidate of listModelCandidates(model)) {
      for (const name of tables) {
        const found = table.tables[name]?.find((entry) => matchModelRule(entry.match, candidate, compile));
        if (found !== undefined) return { table: name, modelId: found.id, prices: found.prices };
      }
    }
    return findInCatalog(provider, model);
  };

  /** A pass-through provider's model priced as the vendor's: `vendor/model`, or a bare name by prefix. */
  const findPassedThrough = (model: string): PriceMatch | undefined => {
    const slash = model.indexOf('/');
    if (slash > 0) {
      const vendor = model.slice(0, slash);
      return PASS_THROUGH_PROVIDERS.has(vendor) ? undefined : findIn(vendor, model.slice(slash + 1));
    }
    const claimed = catalog?.claimByModelPrefix(model);
    return claimed === undefined || PASS_THROUGH_PROVIDERS.has(claimed) ? undefined : findIn(claimed, model);
  };

  const findInCatalog = (provider: string, model: string): PriceMatch | undefined => {
    const prices = catalog?.findModelInfo(provider, model)?.prices;
    if (prices === undefined) return undefined;
    const set: { -readonly [K in keyof PriceSet]: PriceSet[K] } = { input: prices.input, output: prices.output };
    if (prices.cacheRead !== undefined) set.cached_input = prices.cacheRead;
    if (prices.cacheWrite !== undefined) set.cache_write = prices.cacheWrite;
    return { table: 'models.dev', modelId: model, prices: set };
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
