import { createPayloadError } from '../../errors/create-http-error.js';
import { InvalidResponseError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { isRecord } from '../shared/is-record.js';

/**
 * The `result` of a Cloudflare API envelope (`{ result, success, errors, messages }`); an envelope
 * with `success: false` throws the typed error of its first `errors` entry.
 */
export function readCloudflareResult(body: unknown, route: ResolvedRoute, what: string): unknown {
  const origin = { provider: route.provider.id, model: route.model };
  if (isRecord(body) && body.success === false) {
    const first: unknown = Array.isArray(body.errors) ? body.errors[0] : undefined;
    throw createPayloadError({ error: isRecord(first) ? first : { message: `${what} failed` } }, { ...origin, secrets: [] });
  }
  if (!isRecord(body) || !('result' in body)) {
    throw new InvalidResponseError(`${route.provider.id}: the ${what} answer has no result`, { ...origin, body });
  }
  return body.result;
}
