import { ConfigurationError } from '../../errors/error-classes.js';
import type { Price, PriceSet } from './pricing-table.js';

const PRICE_FIELDS = ['input', 'cached_input', 'cache_write', 'output', 'reasoning'] as const;

/** A user-given price set, checked; throws a ConfigurationError naming `field` and the bad key. */
export function parsePriceSet(value: unknown, field: string): PriceSet {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigurationError(`${field} must be an object of prices per million tokens`);
  }
  const record = value as Record<string, unknown>;
  const result: Record<string, Price | number> = {};
  for (const key of Object.keys(record)) {
    const entry = record[key];
    if (entry === undefined) continue;
    if (key === 'request') {
      result.request = parseAmount(entry, `${field}.request`);
    } else if ((PRICE_FIELDS as readonly string[]).includes(key)) {
      result[key] = parsePrice(entry, `${field}.${key}`);
    } else {
      throw new ConfigurationError(`${field}.${key} is not a price; use ${[...PRICE_FIELDS, 'request'].join(', ')}`);
    }
  }
  return result as PriceSet;
}

function parsePrice(value: unknown, field: string): Price {
  if (typeof value === 'number') return parseAmount(value, field);
  const tiered = value as { base?: unknown; tiers?: unknown } | null;
  if (tiered === null || typeof tiered !== 'object' || !Array.isArray(tiered.tiers)) {
    throw new ConfigurationError(`${field} must be a number or { base, tiers: [{ start, price }] }`);
  }
  const tiers = tiered.tiers.map((tier: unknown, index) => {
    const { start, price } = (tier ?? {}) as { start?: unknown; price?: unknown };
    if (typeof start !== 'number' || !Number.isSafeInteger(start) || start < 0) {
      throw new ConfigurationError(`${field}.tiers[${index}].start must be a non-negative integer token count`);
    }
    return { start, price: parseAmount(price, `${field}.tiers[${index}].price`) };
  });
  return { base: parseAmount(tiered.base, `${field}.base`), tiers: tiers.sort((left, right) => left.start - right.start) };
}

function parseAmount(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ConfigurationError(`${field} must be a finite number >= 0`);
  }
  return value;
}
