import type { Usage } from '../../src/index.js';
import type { AnthropicMessageUsage } from './anthropic-message-object.js';

/**
 * SDK (OpenAI-shaped) usage as Anthropic's: the inverse of the SDK's `mapAnthropicUsage`. OpenAI's
 * `prompt_tokens` counts all input, cached included (and the SDK counts Anthropic's cache writes in
 * it too); Anthropic's `input_tokens` is the rest, beside `cache_read_input_tokens` and
 * `cache_creation_input_tokens`. Counts a provider did not report are 0, as Anthropic sends them.
 */
export function convertUsageToAnthropic(usage: Usage | null | undefined): AnthropicMessageUsage {
  const details = usage?.prompt_tokens_details;
  const cacheRead = count(details?.cached_tokens);
  const cacheWrite = count(details?.cache_write_tokens);
  return {
    input_tokens: Math.max(0, count(usage?.prompt_tokens) - cacheRead - cacheWrite),
    output_tokens: count(usage?.completion_tokens),
    cache_creation_input_tokens: cacheWrite,
    cache_read_input_tokens: cacheRead,
  };
}

function count(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : 0;
}
