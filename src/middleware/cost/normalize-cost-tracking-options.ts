import { ConfigurationError } from '../../errors/error-classes.js';
import { parsePriceSet } from './parse-price-set.js';
import type { PriceSet } from './pricing-table.js';

export interface CostTrackingOptions {
  /**
   * Extra or corrected prices (USD per million tokens; `request` USD per call), keyed
   * `provider/model` as served: `{ 'ollama/llama3.2': { input: 0, output: 0 } }`.
   */
  readonly prices?: Readonly<Record<string, PriceSet>>;
  /** Estimate the cost of streams that end without reported usage (default true). */
  readonly estimateStreams?: boolean;
}

export interface NormalizedCostTrackingOptions {
  readonly prices: Readonly<Record<string, PriceSet>>;
  readonly estimateStreams: boolean;
}

/** `true` or an options object, defaulted and checked; bad values name their field. */
export function normalizeCostTrackingOptions(options: CostTrackingOptions | true): NormalizedCostTrackingOptions {
  if (options === true) return { prices: {}, estimateStreams: true };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ConfigurationError('costTracking must be true or an options object');
  }
  const prices: Record<string, PriceSet> = {};
  if (options.prices !== undefined) {
    if (options.prices === null || typeof options.prices !== 'object' || Array.isArray(options.prices)) {
      throw new ConfigurationError('costTracking.prices must be an object keyed "provider/model"');
    }
    for (const [key, value] of Object.entries(options.prices)) {
      if (!/^[^/]+\/.+$/.test(key)) throw new ConfigurationError(`costTracking.prices["${key}"]: keys are "provider/model"`);
      prices[key] = parsePriceSet(value, `costTracking.prices["${key}"]`);
    }
  }
  if (options.estimateStreams !== undefined && typeof options.estimateStreams !== 'boolean') {
    throw new ConfigurationError('costTracking.estimateStreams must be a boolean');
  }
  return { prices, estimateStreams: options.estimateStreams ?? true };
}
