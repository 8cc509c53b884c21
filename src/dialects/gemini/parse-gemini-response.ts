import { InvalidResponseError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { convertGeminiErrorResponse } from './convert-gemini-error-response.js';
import type { GeminiGenerateContentResponse } from './gemini-wire-types.js';
import { isRecord } from '../shared/is-record.js';

/**
 * An untrusted body as a GenerateContentResponse. An error object inside it (a 200 body or a
 * stream event) throws its typed error; anything that is not an object, or whose `candidates` is
 * not an array, is an InvalidResponseError.
 */
export function parseGeminiResponse(body: unknown, route: ResolvedRoute, what: string): GeminiGenerateContentResponse {
  if (isRecord(body) && body.error !== undefined && body.error !== null) {
    throw convertGeminiErrorResponse(undefined, body, route);
  }
  if (Array.isArray(body) && body.length > 0 && body.every((item) => item !== null && typeof item === 'object' && 'error' in item)) {
    throw convertGeminiErrorResponse(undefined, body, route);
  }
  const record = body as Record<string, unknown> | null;
  if (record === null || typeof record !== 'object' || Array.isArray(record) || (record.candidates !== undefined && !Array.isArray(record.candidates))) {
    throw new InvalidResponseError(`${route.provider.id}: the ${what} is not a GenerateContentResponse`, {
      provider: route.provider.id,
      model: route.model,
      body,
    });
  }
  return record as GeminiGenerateContentResponse;
}
