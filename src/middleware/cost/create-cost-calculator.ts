import type { Usage } from '../../../generated/types/index.js';
import { systemClock, type Clock } from '../../transport/clock.js';
import { computePriceSetCost } from './compute-price-set-cost.js';
import { PASS_THROUGH_PROVIDERS, createPriceLookup, type PriceLookup, type PriceMatch } from './create-price-lookup.js';
import { loadModelCatalog, type ModelCatalog } from '../../catalog/load-model-catalog.js';
import { loadPricingTable } from './load-pricing-table.js';
import type { PriceSet, PricingTable } from './pricing-table.js';
import { selectPriceSet } from './select-price-set.js';

export interface CostCalculatorOptions {
  /** Extra or corrected prices per million tokens, keyed `provider/model` as served (`ollama/llama3.2`). */
  readonly prices?: Readonly<Record<string, PriceSet>>;
}

export interface CostCalculatorDependencies {
  /** Picks time-dependent prices (dated price changes, off-peak windows). */
  readonly clock?: Clock;
  /** The price table; defaults to `schemas/pricing.json`, imported on first use. */
  readonly loadTable?: () => Promise<PricingTable>;
  /** The model catalogue, whose prices apply where the table has none; imported on first use by default. */
  readonly loadCatalog?: () => Promise<ModelCatalog>;
}

/** Prices and costs of served models; `priceOf` and `costOf` answer once `ready()` resolved. */
export interface CostCalculator {
  /** Loads the table and the model catalogue (once). */
  ready(): Promise<void>;
  /** Whether the table is loaded, so that a call need not wait for `ready()`. */
  isReady(): boolean;
  /** The match for a served `provider` and `model`, or undefined when unknown. Needs `ready()`. */
  matchOf(provider: string, model: string): PriceMatch | undefined;
  /** The prices in force now. Needs `ready()`. */
  priceOf(provider: string, model: string): PriceSet | undefined;
  /**
   * The most output tokens the model may produce, from the model catalogue (a pass-through
   * provider's model as its vendor's); undefined when unknown. Needs `ready()`.
   */
  outputLimitOf(provider: string, model: string): number | undefined;
  /** USD for `usage`, or undefined for an unknown model. Needs `ready()`. */
  costOf(provider: string, model: string, usage: Usage): number | undefined;
  /** `costOf` after `ready()`. */
  computeCost(provider: string, model: string, usage: Usage): Promise<number | undefined>;
}

/**
 * A calculator over the price table (genai-prices first, then the model catalogue's prices), for the cost-tracking and budget layers (and a router's
 * lowest-cost strategy). State stays in the returned object.
 *
 * @example
 * const calculator = createCostCalculator({ prices: { 'ollama/llama3.2': { input: 0, output: 0 } } });
 * await calculator.computeCost('openai', 'gpt-4o-mini', { prompt_tokens: 1000, completion_tokens: 200 });
 */
export function createCostCalculator(
  options: CostCalculatorOptions = {},
  dependencies: CostCalculatorDependencies = {},
): CostCalculator {
  const clock = dependencies.clock ?? systemClock;
  const load = dependencies.loadTable ?? loadPricingTable;
  const loadCatalog = dependencies.loadCatalog ?? loadModelCatalog;
  let lookup: PriceLookup | undefined;
  let catalog: ModelCatalog | undefined;
  let loading: Promise<void> | undefined;
  const loaded = (): PriceLookup => {
    if (lookup === undefined) throw new Error('the price table is not loaded yet: await ready() first');
    return lookup;
  };
  const calculator: CostCalculator = {
    ready() {
      loading ??= Promise.all([load(), loadCatalog()]).then(
        ([table, loadedCatalog]) => {
          catalog = loadedCatalog;
          lookup = createPriceLookup(table, options.prices, loadedCatalog);
        },
        (error: unknown) => {
          loading = undefined;
          throw error;
        },
      );
      return loading;
    },
    isReady: () => lookup !== undefined,
    matchOf: (provider, model) => loaded()(provider, model),
    priceOf(provider, model) {
      const match = loaded()(provider, model);
      return match === undefined ? undefined : selectPriceSet(match.prices, new Date(clock.now()));
    },
    outputLimitOf(provider, model) {
      loaded();
      const info = catalog?.findModelInfo(provider, model) ?? (PASS_THROUGH_PROVIDERS.has(provider) ? catalog?.resolveModelInfo(model) : undefined);
      const limit = info?.maxOutputTokens;
      return limit === undefined || limit <= 0 ? undefined : limit;
    },
    costOf(provider, model, usage) {
      const prices = calculator.priceOf(provider, model);
      return prices === undefined ? undefined : computePriceSetCost(prices, usage);
    },
    async computeCost(provider, model, usage) {
      await calculator.ready();
      return calculator.costOf(provider, model, usage);
    },
  };
  return calculator;
}
