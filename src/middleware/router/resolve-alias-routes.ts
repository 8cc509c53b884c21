import { ConfigurationError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { CallServices } from '../../call/call-context.js';
import type { NormalizedAlias } from './normalize-router-options.js';

/**
 * The route of every deployment of an alias, in deployment order. A deployment that cannot be
 * resolved (unknown provider, bad override) throws a `ConfigurationError` naming it.
 *
 * @example
 * const routes = resolveAliasRoutes(alias, context.services); // once per alias, then kept
 */
export function resolveAliasRoutes(alias: NormalizedAlias, services: CallServices): readonly ResolvedRoute[] {
  return alias.deployments.map((deployment) => {
    try {
      return services.resolveDeployment(deployment.target);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new ConfigurationError(`router["${alias.alias}"].deployments[${deployment.index}] ("${deployment.id}"): ${reason}`, {
        model: deployment.target.model,
        cause: error,
      });
    }
  });
}
