import { memoizeImport } from '../loading/memoize-import.js';
import type { claimByModelPrefix } from './claim-by-model-prefix.js';
import type { findModelInfo } from './find-model-info.js';

/** The model catalogue's synchronous lookups, once loaded. */
export interface ModelCatalog {
  readonly findModelInfo: typeof findModelInfo;
  readonly claimByModelPrefix: typeof claimByModelPrefix;
}

/**
 * The model catalogue, imported on first use: layers that consult it (cost tracking's fallback
 * prices) load it with their own data, so importing liter-llm or a one-provider client never does.
 */
export const loadModelCatalog: () => Promise<ModelCatalog> = memoizeImport(async () => {
  const [info, prefixes] = await Promise.all([import('./find-model-info.js'), import('./claim-by-model-prefix.js')]);
  return { findModelInfo: info.findModelInfo, claimByModelPrefix: prefixes.claimByModelPrefix };
});
