import type { ResolvedRoute } from '../../routing/resolved-route.js';

/** How the health layer names a deployment. */
export interface DeploymentDescription {
  /** Identifies the deployment: provider, model and endpoint. */
  readonly key: string;
  /** `provider/model`, for messages and `status()`. */
  readonly label: string;
  /** The endpoint's base URL without query or credentials (two deployments of one model in two regions differ here); empty when unknown. */
  readonly endpoint: string;
}

/**
 * Names the deployment a route goes to. Deployments that differ only by API key share one
 * health status: health is a property of the endpoint, not of the key.
 *
 * @example
 * describeDeployment(route); // { key: 'groq/llama-3.3 https://api.groq.com/openai/v1', label: 'groq/llama-3.3', endpoint: 'https://api.groq.com/openai/v1' }
 */
export function describeDeployment(route: ResolvedRoute): DeploymentDescription {
  const label = `${route.provider.id}/${route.model}`;
  let endpoint = '';
  try {
    const url = new URL(route.provider.buildUrl('', route.model));
    endpoint = `${url.origin}${url.pathname}`.replace(/\/$/, '');
  } catch {
    // A provider that cannot build URLs yet (a missing URL variable): known by provider and model only.
  }
  return { key: `${label} ${endpoint}`, label, endpoint };
}
