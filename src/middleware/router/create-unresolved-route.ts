import { ConfigurationError } from '../../errors/error-classes.js';
import type { ProviderDefinition } from '../../provider-definition.js';
import type { ResolvedProvider } from '../../routing/resolved-provider.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';

/** The provider id of a route that names a router alias (or nothing the client knows). */
export const UNRESOLVED_PROVIDER_ID = 'unresolved';

const UNRESOLVED_DEFINITION: ProviderDefinition = {
  id: UNRESOLVED_PROVIDER_ID,
  name: 'Unresolved model (a router alias, or unknown)',
  kind: 'hosted',
  dialect: 'openai',
  baseURL: 'http://unresolved.invalid',
  urlVariables: {},
  auth: { scheme: 'bearer', envVar: 'LITER_LLM_UNRESOLVED_API_KEY', optional: true },
  endpoints: {},
  modelPrefixes: [],
  models: [],
  quirks: { renameParams: {}, dropParams: [], roleMap: {}, headers: {}, query: {}, streamUsage: false, defaultParams: {} },
};

/**
 * A placeholder route for a model string the client cannot route by itself, such as a router
 * alias (`smart`): the router middleware replaces it before the core sees it. If nothing replaces
 * it, the call fails with a `ConfigurationError` and nothing is sent (no URL, no headers).
 *
 * @example
 * let route;
 * try { route = context.services.resolveRoute(model); } catch (error) { route = createUnresolvedRoute(model, error); }
 */
export function createUnresolvedRoute(model: string, reason?: unknown): ResolvedRoute {
  const explanation = reason instanceof Error ? `: ${reason.message}` : '';
  const fail = (): ConfigurationError =>
    new ConfigurationError(`"${model}" is neither a routable model string nor a router alias${explanation}`, {
      model,
      cause: reason,
    });
  const provider: ResolvedProvider = {
    id: UNRESOLVED_PROVIDER_ID,
    definition: UNRESOLVED_DEFINITION,
    gateway: false,
    configured: false,
    quirks: UNRESOLVED_DEFINITION.quirks,
    authorizer: undefined,
    unavailable: fail,
    buildUrl() {
      throw fail();
    },
    buildHeaders() {
      throw fail();
    },
    // Nothing is sent through this route, so no cache entry may be keyed by it.
    scopeDigest: () => Promise.reject(fail()),
  };
  return { provider, model };
}
