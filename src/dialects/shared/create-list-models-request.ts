import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { WireRequest } from '../dialect.js';
import { resolveEndpointPath } from './resolve-endpoint-path.js';

/**
 * A `GET` of the provider's models endpoint asking for one page of `pageSize` models, so a
 * provider that pages its list (Anthropic 20 at a time, Gemini 50, Cohere 20) answers with every
 * model at once. `pageParam` is the provider's name for the page size.
 */
export function createListModelsRequest(route: ResolvedRoute, defaultPath: string, pageParam: string, pageSize: number): WireRequest {
  return {
    endpoint: 'models',
    method: 'GET',
    path: resolveEndpointPath(route, 'models', defaultPath),
    query: { [pageParam]: pageSize },
    body: undefined,
    warnings: [],
  };
}
