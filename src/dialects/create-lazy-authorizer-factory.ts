import type { Authorizer, AuthorizerInput } from './dialect.js';
import { memoizeImport } from '../loading/memoize-import.js';
import { loadDialectByName } from './load-dialect.js';

/**
 * Dialects whose `createAuthorizer` exists. Kept here, next to the loaders, so that building a
 * client decides "static key or per-request credentials" without loading the dialect; a test
 * checks this list against the dialects themselves.
 */
export const DIALECTS_WITH_AUTHORIZERS: ReadonlySet<string> = new Set(['azure', 'bedrock', 'vertex_ai', 'watsonx']);

/**
 * A `createAuthorizer` for providers of dialect `name` that loads the dialect on the first request
 * and then hands every call to the dialect's own authorizer. Each of these dialects reports missing
 * credentials from `headers()`, so deciding this early loses no error; when the dialect's factory
 * returns no authorizer (Azure with an API key), the static key headers apply as before.
 * Undefined for dialects without per-request credentials.
 */
export function createLazyAuthorizerFactory(name: string): ((input: AuthorizerInput) => Authorizer) | undefined {
  if (!DIALECTS_WITH_AUTHORIZERS.has(name)) return undefined;
  return (input) => {
    let settled: Authorizer | undefined;
    const load = memoizeImport(async () => {
      settled = (await loadDialectByName(name))?.createAuthorizer?.(input);
      return settled;
    }, `the ${name} dialect`);
    return {
      async headers(request) {
        const authorizer = settled ?? (await load());
        return authorizer === undefined ? {} : authorizer.headers(request);
      },
      invalidate: () => settled?.invalidate?.() ?? false,
      async identity() {
        const authorizer = settled ?? (await load());
        // No authorizer (Azure with an API key): the static key headers are the whole identity.
        return authorizer === undefined ? null : (authorizer.identity?.() ?? null);
      },
    };
  };
}
