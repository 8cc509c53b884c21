import type { Usage } from '../../../generated/types/index.js';
import { computePriceSetCost } from '../cost/compute-price-set-cost.js';
import type { Operation } from '../../call/operation.js';
import { estimateRequestTokens, estimateTextTokens } from '../estimate-request-tokens.js';
import type { PriceSet } from '../cost/pricing-table.js';
import { findOutputCap } from './find-output-cap.js';

/** The body a provider reads its output cap from, when the call is about to be sent. */
export interface SentBody {
  readonly body: unknown;
  /** The route's `renameParams` quirk: a cap may go out under another name. */
  readonly renameParams: Readonly<Record<string, string>>;
}

/**
 * The most a call can cost: its estimated input (the request's text plus any in `extra_body`,
 * charged at the dearer of input and cache-write prices) plus its output cap at the dearer of
 * output and reasoning prices. The cap is the largest `findOutputCap` finds in `sent.body` (the
 * wire request), or in the OpenAI-shaped request before it is built, else
 * `defaultMaxOutputTokens`; times the number of answers asked for. Embeddings have no output.
 */
export function estimateMaxCost(
  prices: PriceSet,
  request: unknown,
  operation: Operation,
  defaultMaxOutputTokens: number,
  sent?: SentBody,
): number {
  const extraBody = (request as { extra_body?: unknown } | null | undefined)?.extra_body;
  const input = estimateRequestTokens(operation, request, 0).prompt + (extraBody === undefined ? 0 : estimateTextTokens(extraBody));
  const cap = sent === undefined ? findOutputCap(request) : findOutputCap(sent.body, sent.renameParams);
  const output = operation === 'embed' ? 0 : (cap.tokens ?? defaultMaxOutputTokens) * cap.choices;
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
