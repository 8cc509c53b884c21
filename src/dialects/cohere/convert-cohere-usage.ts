import type { Usage } from '../../../generated/types/index.js';
import type { CohereUsage } from './cohere-wire-types.js';

/**
 * Cohere usage as OpenAI's. `tokens` counts what the model processed (prompt template included),
 * which is OpenAI's meaning of prompt_tokens; `billed_units` counts what is charged and is kept
 * beside the OpenAI fields as `billed_units`. Cohere does not report reasoning tokens separately.
 */
export function convertCohereUsage(usage: CohereUsage | undefined): Usage | undefined {
  if (usage === undefined || usage === null || typeof usage !== 'object') return undefined;
  const tokens = usage.tokens ?? {};
  const billed = usage.billed_units;
  const prompt = numberOr(tokens.input_tokens, numberOr(billed?.input_tokens, 0));
  const completion = numberOr(tokens.output_tokens, numberOr(billed?.output_tokens, 0));
  const result: Usage & { billed_units?: CohereUsage['billed_units'] } = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: prompt + completion,
  };
  if (typeof usage.cached_tokens === 'number') result.prompt_tokens_details = { cached_tokens: usage.cached_tokens };
  if (billed !== undefined && billed !== null) result.billed_units = billed;
  return result;
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}
