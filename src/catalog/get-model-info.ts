import { catalogProviders } from '../../generated/catalog/model-catalog.js';
import { parseModelString } from '../routing/parse-model-string.js';
import { claimByModelPrefix } from './claim-by-model-prefix.js';
import { findModelInfo } from './find-model-info.js';
import type { ModelInfo } from './model-info.js';

/**
 * What the models.dev catalogue (a snapshot taken at build time, `schemas/catalog/`) knows about a
 * model: context window, output limit, modalities, capabilities, dates and prices per million
 * tokens. The model string is routed as a call routes it: `provider/model`, or a bare name through
 * the registry's `modelPrefixes` (`gpt-4o` is OpenAI's). Undefined for a model the catalogue does
 * not list for that provider, or a provider it does not cover. Only the asked provider's part of
 * the catalogue is parsed.
 *
 * @example
 * getModelInfo('anthropic/claude-sonnet-4-5')?.maxOutputTokens; // 64000
 * getModelInfo('gpt-4o')?.prices; // { input: 2.5, output: 10, cacheRead: 1.25 }
 */
export function getModelInfo(model: string): ModelInfo | undefined {
  if (typeof model !== 'string') return undefined;
  const parsed = parseModelString(model);
  if (parsed.prefix !== undefined && Object.hasOwn(catalogProviders, parsed.prefix)) return findModelInfo(parsed.prefix, parsed.model);
  const provider = claimByModelPrefix(model);
  return provider === undefined ? undefined : findModelInfo(provider, model);
}
