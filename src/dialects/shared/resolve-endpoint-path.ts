import type { EndpointName } from '../../provider-definition.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';

/**
 * The path template of an endpoint: a gateway speaks plain OpenAI paths, a registry provider uses
 * the path it declares. `segments` are appended URL-encoded (ids), before any query in the template.
 */
export function resolveEndpointPath(
  route: ResolvedRoute,
  endpoint: EndpointName,
  openAiPath: string,
  ...segments: string[]
): string {
  const base = route.provider.gateway
    ? openAiPath
    : (route.provider.definition.endpoints[endpoint]?.path ?? openAiPath);
  if (segments.length === 0) return base;
  const suffix = segments.map((segment) => `/${encodeURIComponent(segment)}`).join('');
  const queryAt = base.indexOf('?');
  const path = queryAt === -1 ? base : base.slice(0, queryAt);
  const query = queryAt === -1 ? '' : base.slice(queryAt);
  return `${path.replace(/\/+$/, '')}${suffix}${query}`;
}
