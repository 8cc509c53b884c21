import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { WireRequest } from '../dialect.js';
import { isRecord } from '../shared/is-record.js';

/**
 * A Cohere `POST` with `extra_body` merged last, as-is: how Cohere-only options (`documents`,
 * `safety_mode`, `input_type`, ...) are reached.
 */
export function createCohereWireRequest(
  route: ResolvedRoute,
  endpoint: 'chat' | 'embeddings',
  defaultPath: string,
  body: Record<string, unknown>,
  extraBody: unknown,
  warnings: string[],
): WireRequest {
  if (isRecord(extraBody)) Object.assign(body, extraBody);
  return { endpoint, method: 'POST', path: route.provider.definition.endpoints[endpoint]?.path ?? defaultPath, body, warnings };
}
