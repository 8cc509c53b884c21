import type { EndpointName } from '../../provider-definition.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';

/**
 * The `/run/{model}` path with the model's own slashes kept (`/run/@cf/openai/whisper`): Cloudflare
 * routes on them, so each segment is encoded on its own instead of the whole id at once.
 */
export function resolveRunPath(route: ResolvedRoute, endpoint: EndpointName): string {
  // `@` is allowed in a path segment, and Cloudflare's ids start with it (`@cf/...`).
  const model = route.model
    .split('/')
    .map((segment) => encodeURIComponent(segment).replaceAll('%40', '@'))
    .join('/');
  return resolveEndpointPath(route, endpoint, '/run/{model}').replace('{model}', model);
}
