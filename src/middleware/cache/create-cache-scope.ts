import type { CallContext } from '../../call/call-context.js';
import type { CacheScope } from '../../routing/resolved-provider.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { UNRESOLVED_PROVIDER_ID } from '../router/create-unresolved-route.js';

/** The routes a router alias may send a call to; undefined when the model is no known alias. */
export type AliasRoutes = (context: CallContext) => readonly ResolvedRoute[] | undefined;

/**
 * What keeps the callers of a cache apart, as plain data for `createCacheKey`: the scope digest of
 * the route's provider (provider id and base URL; with `credential`, also its credentials and
 * headers), and with `credential` the per-call headers (names lower-cased, as they are sent). A
 * router alias is scoped by every deployment it may go to. Undefined when the route is not known
 * (nothing may be shared then: the call bypasses the cache). Digests are computed once per
 * provider, so a call pays a map look-up, not a hash.
 */
export async function createCacheScope(context: CallContext, scope: CacheScope, aliasRoutes: AliasRoutes | undefined): Promise<unknown> {
  const { route } = context;
  let routes: readonly ResolvedRoute[] | undefined = [route];
  if (route.provider.id === UNRESOLVED_PROVIDER_ID) routes = aliasRoutes?.(context);
  if (routes === undefined) return undefined;
  const providers = await Promise.all(routes.map((each) => each.provider.scopeDigest(scope)));
  if (scope === 'shared') return providers;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(context.options.headers)) headers[name.toLowerCase()] = value;
  return [providers, headers];
}
