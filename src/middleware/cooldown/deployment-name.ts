import type { ResolvedRoute } from '../../routing/resolved-route.js';

/** The deployment a route names: `provider/model`, or the model string behind a gateway. */
export function deploymentName(route: ResolvedRoute): string {
  return route.provider.gateway ? route.model : `${route.provider.id}/${route.model}`;
}
