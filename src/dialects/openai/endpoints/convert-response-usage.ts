import type { ResponseUsage, Usage } from '../../../../generated/types/index.js';

/** Responses API usage in the chat shape `callInfo` and the cost layers read, details included. */
export function convertResponseUsage(usage: ResponseUsage): Usage {
  const prompt = usage.input_tokens ?? 0;
  const completion = usage.output_tokens ?? 0;
  const cached = readCount(usage.input_tokens_details, 'cached_tokens');
  const reasoning = readCount(usage.output_tokens_details, 'reasoning_tokens');
  return {
    prompt_tokens: prompt,
    completion_tokens: completion,
    total_tokens: usage.total_tokens ?? prompt + completion,
    ...(cached === undefined ? {} : { prompt_tokens_details: { cached_tokens: cached } }),
    ...(reasoning === undefined ? {} : { completion_tokens_details: { reasoning_tokens: reasoning } }),
  };
}

function readCount(details: unknown, field: string): number | undefined {
  if (details === null || typeof details !== 'object') return undefined;
  const value = (details as Record<string, unknown>)[field];
  return typeof value === 'number' ? value : undefined;
}
