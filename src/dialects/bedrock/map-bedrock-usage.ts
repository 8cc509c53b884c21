import type { Usage } from '../../../generated/types/index.js';
import type { BedrockUsage } from './bedrock-wire-types.js';

/**
 * Converse usage in OpenAI's terms. Bedrock's `inputTokens` leaves out the tokens read from and
 * written to the prompt cache, while OpenAI's `prompt_tokens` counts every input token, so the
 * cache counts are added back (and also reported on their own).
 */
export function mapBedrockUsage(usage: BedrockUsage): Usage {
  const cacheRead = count(usage.cacheReadInputTokens);
  const cacheWrite = count(usage.cacheWriteInputTokens);
  const promptTokens = count(usage.inputTokens) + cacheRead + cacheWrite;
  const completionTokens = count(usage.outputTokens);
  const result: Usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
  if (usage.cacheReadInputTokens !== undefined || usage.cacheWriteInputTokens !== undefined) {
    result.prompt_tokens_details = { cached_tokens: cacheRead, cache_write_tokens: cacheWrite };
  }
  return result;
}

function count(value: number | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
