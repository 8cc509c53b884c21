import type { Usage } from '../../../generated/types/index.js';
import type { AnthropicUsage } from './anthropic-wire-types.js';

/**
 * Anthropic usage as OpenAI usage. Anthropic's `input_tokens` excludes cached input, which it
 * reports apart (`cache_read_input_tokens`, `cache_creation_input_tokens`); OpenAI's
 * `prompt_tokens` counts all input, so the three are added, and the cache parts are kept in
 * `prompt_tokens_details`. Anthropic does not report thinking tokens apart from output tokens.
 */
export function mapAnthropicUsage(usage: AnthropicUsage): Usage {
  const input = count(usage.input_tokens);
  const cacheRead = count(usage.cache_read_input_tokens);
  const cacheWrite = count(usage.cache_creation_input_tokens);
  const output = count(usage.output_tokens);
  const promptTokens = input + cacheRead + cacheWrite;
  const mapped: Usage = { prompt_tokens: promptTokens, completion_tokens: output, total_tokens: promptTokens + output };
  if (typeof usage.cache_read_input_tokens === 'number' || typeof usage.cache_creation_input_tokens === 'number') {
    mapped.prompt_tokens_details = { cached_tokens: cacheRead, cache_write_tokens: cacheWrite };
  }
  return mapped;
}

function count(value: number | null | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
