import { catalogProviders } from '../../generated/catalog/model-catalog.js';
import { parseModelString } from '../routing/parse-model-string.js';
import { claimByModelPrefix } from './claim-by-model-prefix.js';
import { findModelInfo } from './find-model-info.js';
import type { ModelInfo } from './model-info.js';

/**
 * The catalogue's record for a model string routed as a call routes it: `provider/model`, or a
 * bare name through the registry's `modelPrefixes`. Synchronous, for code that has the catalogue
 * loaded (`getModelInfo` is the public, lazily loading form).
 */
export function resolveModelInfo(model: string): ModelInfo | undefined {
  if (typeof model !== 'string') return undefined;
  const parsed = parseModelString(model);
  if (parsed.prefix !== undefined && Object.hasOwn(catalogProviders, parsed.prefix)) return findModelInfo(parsed.prefix, parsed.model);
  const provider = claimByModelPrefix(model);
  return provider === undefined ? undefined : findModelInfo(provider, model);
}
