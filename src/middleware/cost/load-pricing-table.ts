import { memoizeImport } from '../../loading/memoize-import.js';
import type { PricingTable } from './pricing-table.js';

/**
 * The price table (`schemas/pricing.json`), loaded on first use only: importing liter-llm never
 * parses it, and a client without cost tracking or budgets never loads it at all.
 */
export const loadPricingTable: () => Promise<PricingTable> = memoizeImport(async () => {
  const module = (await import('../../../schemas/pricing.json', { with: { type: 'json' } })) as unknown as { default: PricingTable };
  return module.default;
}, 'the price table');
