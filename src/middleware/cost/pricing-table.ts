/**
 * The shape of `schemas/pricing.json`, derived at build time from `@pydantic/genai-prices` by
 * `codegen/pricing/build-pricing-table.ts`. Token prices are USD per million tokens; `request` is
 * USD per request.
 */

/** One price step: once a call's total input tokens exceed `start`, every token is charged `price`. */
export interface PriceTier {
  readonly start: number;
  readonly price: number;
}

/** A tiered price (e.g. Gemini's above-200k-token prompts): `base` until the first tier starts. */
export interface TieredPrice {
  readonly base: number;
  readonly tiers: readonly PriceTier[];
}

export type Price = number | TieredPrice;

/** Prices of one model. A missing price falls back to its parent (cached input to input, reasoning to output). */
export interface PriceSet {
  /** Input tokens neither read from nor written to the prompt cache. */
  readonly input?: Price;
  /** Input tokens read from the prompt cache. */
  readonly cached_input?: Price;
  /** Input tokens written to the prompt cache. */
  readonly cache_write?: Price;
  /** Output tokens other than reasoning tokens. */
  readonly output?: Price;
  /** Reasoning tokens (part of the output tokens). */
  readonly reasoning?: Price;
  /** USD per request, on top of token prices. */
  readonly request?: number;
}

/** A price set that applies from a date (`from`, UTC) or within a daily UTC time window (`utc`: [start, end)). */
export interface ConditionalPriceSet {
  readonly from?: string;
  readonly utc?: readonly [string, string];
  readonly prices: PriceSet;
}

/** How a model id is matched, case-insensitively (genai-prices' match logic). */
export type MatchRule =
  | { readonly equals: string }
  | { readonly starts_with: string }
  | { readonly ends_with: string }
  | { readonly contains: string }
  | { readonly regex: string }
  | { readonly or: readonly MatchRule[] }
  | { readonly and: readonly MatchRule[] };

export interface PricedModel {
  /** genai-prices' model id (what matched; not necessarily the id sent). */
  readonly id: string;
  readonly match: MatchRule;
  /** One price set, or a list of conditional ones: the last whose condition holds applies, else the first. */
  readonly prices: PriceSet | readonly ConditionalPriceSet[];
}

export interface PricingTable {
  /** Package and version the table was derived from. */
  readonly source: string;
  /** Our registry's provider id -> the price tables to search, in order. */
  readonly providers: Readonly<Record<string, readonly string[]>>;
  /** Price tables by genai-prices provider id; the first model whose rule matches wins. */
  readonly tables: Readonly<Record<string, readonly PricedModel[]>>;
}
