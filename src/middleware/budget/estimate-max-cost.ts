import type { Usage } from '../../../generated/types/index.js';
import { computePriceSetCost } from '../cost/compute-price-set-cost.js';
import type { Operation } from '../../call/operation.js';
import { estimateRequestTokens } from '../estimate-request-tokens.js';
import type { PriceSet } from '../cost/pricing-table.js';

/**
 * The most a call can cost: its estimated input (charged at the dearer of input and cache-write
 * prices) plus its output cap (`max_completion_tokens`, `max_tokens`, `max_output_tokens`, else
 * `defaultMaxOutputTokens`; times `n`) at the dearer of output and reasoning prices. Embeddings
 * have no output.
 */
export function estimateMaxCost(prices: PriceSet, request: unknown, operation: Operation, defaultMaxOutputTokens: number): number {
  const record = (request ?? {}) as Record<string, unknown>;
  const input = estimateRequestTokens(operation, request, 0).prompt;
  const cap = [record.max_completion_tokens, record.max_tokens, record.max_output_tokens].find(
    (value): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0,
  );
  const choices = typeof record.n === 'number' && record.n >= 1 ? Math.floor(record.n) : 1;
  const output = operation === 'embed' ? 0 : (cap ?? defaultMaxOutputTokens) * choices;
  let most = 0;
  for (const cacheWrite of [0, input]) {
    for (const reasoning of [0, output]) {
      const usage: Usage = {
        prompt_tokens: input,
        completion_tokens: output,
        prompt_tokens_details: { cache_write_tokens: cacheWrite },
        completion_tokens_details: { reasoning_tokens: reasoning },
      };
      most = Math.max(most, computePriceSetCost(prices, usage) ?? 0);
    }
  }
  return most;
}
