import { memoizeImport } from '../loading/memoize-import.js';
import type { claimByModelPrefix } from './claim-by-model-prefix.js';
import type { findModelInfo } from './find-model-info.js';
import type { resolveModelInfo } from './resolve-model-info.js';

/** The model catalogue's synchronous lookups, once loaded. */
export interface ModelCatalog {
  /** By registry provider id and served model id. */
  readonly findModelInfo: typeof findModelInfo;
  /** By model string, routed as a call is. */
  readonly resolveModelInfo: typeof resolveModelInfo;
  readonly claimByModelPrefix: typeof claimByModelPrefix;
}

/**
 * The model catalogue, imported on first use (`getModelInfo`, cost tracking's fallback prices),
 * so importing liter-llm or a one-provider client never loads it; bundlers put it in a chunk of
 * its own.
 */
export const loadModelCatalog: () => Promise<ModelCatalog> = memoizeImport(async () => {
  const [info, resolve, prefixes] = await Promise.all([
    import('./find-model-info.js'),
    import('./resolve-model-info.js'),
    import('./claim-by-model-prefix.js'),
  ]);
  return { findModelInfo: info.findModelInfo, resolveModelInfo: resolve.resolveModelInfo, claimByModelPrefix: prefixes.claimByModelPrefix };
}, 'the model catalog');
