import type { FallbackReason } from './classify-fallback-error.js';
import type { FallbackLists, NormalizedFallbackOptions } from './normalize-fallback-options.js';

/**
 * The fallback models for a failed call, in order: the list of the first of `names` that has one
 * (the model string as written, then `provider/model` of its route), then the global list;
 * without `names` themselves and without repeats.
 *
 * @example
 * planFallbackModels(options, ['gpt-4o', 'openai/gpt-4o'], 'retryable'); // ['anthropic/claude-sonnet-4-5', ...]
 */
export function planFallbackModels(
  options: NormalizedFallbackOptions,
  names: readonly string[],
  reason: FallbackReason,
): string[] {
  const lists = listsFor(options, reason);
  if (lists === undefined) return [];
  let own: readonly string[] = [];
  for (const name of names) {
    const found = lists.models.get(name);
    if (found !== undefined) {
      own = found;
      break;
    }
  }
  const seen = new Set(names);
  const planned: string[] = [];
  for (const model of [...own, ...lists.global]) {
    if (seen.has(model)) continue;
    seen.add(model);
    planned.push(model);
  }
  return planned;
}

function listsFor(options: NormalizedFallbackOptions, reason: FallbackReason): FallbackLists | undefined {
  switch (reason) {
    case 'retryable':
      return options.retryable;
    case 'contextWindow':
      return options.contextWindow;
    case 'contentPolicy':
      return options.contentPolicy;
    default: {
      const unreachable: never = reason;
      return unreachable;
    }
  }
}
