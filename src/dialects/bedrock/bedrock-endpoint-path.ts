import type { ResolvedRoute } from '../../routing/resolved-route.js';

/**
 * The path template of a Bedrock call. The registry names the Converse path; its streaming twin
 * is the same path with `-stream` (`/model/{model}/converse-stream`).
 */
export function bedrockEndpointPath(route: ResolvedRoute, endpoint: 'chat' | 'embeddings', stream = false): string {
  const fallback = endpoint === 'chat' ? '/model/{model}/converse' : '/model/{model}/invoke';
  const path = route.provider.definition.endpoints[endpoint]?.path ?? fallback;
  if (!stream) return path;
  const [pathname, query] = path.split('?', 2) as [string, string | undefined];
  return `${pathname}-stream${query === undefined ? '' : `?${query}`}`;
}
