import { createPayloadError } from '../../errors/create-http-error.js';
import { InvalidResponseError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';

/**
 * A 2xx JSON body checked with its generated validator. A body that does not fit but holds an
 * `error` is an error sent with status 200 (some gateways do that) and throws its typed error;
 * anything else that does not fit throws `InvalidResponseError`.
 */
export function parseEndpointBody<T>(
  body: unknown,
  route: ResolvedRoute,
  validate: (data: unknown) => string | undefined,
  what: string,
): T {
  const problem = validate(body);
  if (problem === undefined) return body as T;
  const context = { provider: route.provider.id, model: route.model };
  if (body !== null && typeof body === 'object' && 'error' in body && (body as { error: unknown }).error) {
    throw createPayloadError(body, { ...context, secrets: [] });
  }
  throw new InvalidResponseError(`${route.provider.id}: the ${what} response does not fit its schema: ${problem}`, {
    ...context,
    body,
  });
}
