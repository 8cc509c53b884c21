import type { Usage } from '../../../generated/types/index.js';
import type { Price, PriceSet } from './pricing-table.js';

/**
 * USD for `usage` at `prices` (per million tokens). OpenAI usage counts cached input inside
 * `prompt_tokens` and reasoning inside `completion_tokens`, so each part is split out and priced on
 * its own; a part without its own price is charged its parent's (cached input and cache writes as
 * input, reasoning as output). A tiered price is chosen by the call's total input tokens, and the
 * tier reached prices every token (as providers bill it, e.g. Gemini above 200k prompt tokens).
 * Undefined when the set has no price at all.
 */
export function computePriceSetCost(prices: PriceSet, usage: Usage): number | undefined {
  if (Object.keys(prices).length === 0) return undefined;
  const input = count(usage.prompt_tokens);
  const cacheRead = Math.min(count(usage.prompt_tokens_details?.cached_tokens), input);
  const cacheWrite = Math.min(count(usage.prompt_tokens_details?.cache_write_tokens), input - cacheRead);
  const output = count(usage.completion_tokens);
  const reasoning = Math.min(count(usage.completion_tokens_details?.reasoning_tokens), output);
  const rate = (price: Price | undefined): number => priceAt(price, input);
  const perMillion =
    rate(prices.input) * (input - cacheRead - cacheWrite) +
    rate(prices.cached_input ?? prices.input) * cacheRead +
    rate(prices.cache_write ?? prices.input) * cacheWrite +
    rate(prices.output) * (output - reasoning) +
    rate(prices.reasoning ?? prices.output) * reasoning;
  return perMillion / 1_000_000 + (prices.request ?? 0);
}

/** The price per million tokens for a call with `inputTokens` of input. */
export function priceAt(price: Price | undefined, inputTokens: number): number {
  if (price === undefined) return 0;
  if (typeof price === 'number') return price;
  let current = price.base;
  for (const tier of price.tiers) if (inputTokens > tier.start) current = tier.price;
  return current;
}

function count(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}
