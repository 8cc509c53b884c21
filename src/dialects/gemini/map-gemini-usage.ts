import type { Usage } from '../../../generated/types/index.js';
import type { GeminiUsageMetadata } from './gemini-wire-types.js';

/**
 * Gemini's `usageMetadata` in OpenAI's terms. `promptTokenCount` already includes cached tokens
 * (`cachedContentTokenCount`); tool-use prompt tokens (search and code-execution results fed back)
 * count as prompt; thought tokens are reported apart by Gemini and added to completion tokens, as
 * OpenAI's completion_tokens includes reasoning.
 */
export function mapGeminiUsage(metadata: GeminiUsageMetadata | undefined): Usage | undefined {
  if (metadata === undefined || metadata === null || typeof metadata !== 'object') return undefined;
  const prompt = count(metadata.promptTokenCount) + count(metadata.toolUsePromptTokenCount);
  const thoughts = count(metadata.thoughtsTokenCount);
  const completion = count(metadata.candidatesTokenCount) + thoughts;
  const usage: Usage = {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: typeof metadata.totalTokenCount === 'number' ? metadata.totalTokenCount : prompt + completion,
  };
  if (typeof metadata.cachedContentTokenCount === 'number') {
    usage.prompt_tokens_details = { cached_tokens: metadata.cachedContentTokenCount };
  }
  if (typeof metadata.thoughtsTokenCount === 'number') {
    usage.completion_tokens_details = { reasoning_tokens: thoughts };
  }
  return usage;
}

function count(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}
