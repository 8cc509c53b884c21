import { findModelInfo } from './find-model-info.js';

/**
 * The most output tokens `model` of registry provider `provider` may produce, from the model
 * catalogue; undefined when the catalogue does not know the model or gives no limit. The
 * dialects that must send a `max_tokens` (Anthropic, Bedrock's Anthropic models) default to it.
 */
export function findModelOutputLimit(provider: string, model: string): number | undefined {
  const limit = findModelInfo(provider, model)?.maxOutputTokens;
  return limit === undefined || limit <= 0 ? undefined : limit;
}
