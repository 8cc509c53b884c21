import { BadRequestError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { WireRequest } from '../dialect.js';

/**
 * `extra_body` as query parameters, for endpoints whose body is the audio itself (Deepgram): each
 * key as-is; a value that is not a string, number or boolean is refused by name.
 */
export function convertToQueryParams(
  extraBody: Readonly<Record<string, unknown>> | undefined,
  route: ResolvedRoute,
): NonNullable<WireRequest['query']> {
  const query: Record<string, string | number | boolean | undefined> = {};
  for (const [name, value] of Object.entries(extraBody ?? {})) {
    if (value === undefined || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      query[name] = value;
      continue;
    }
    throw new BadRequestError(
      `request.extra_body.${name}: ${route.provider.id} takes its options as query parameters here, so each must be a string, number or boolean`,
      { provider: route.provider.id, model: route.model },
    );
  }
  return query;
}
