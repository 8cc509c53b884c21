import type { SearchResponse, SearchResult } from '../../../generated/types/index.js';
import { validateSearchResponse } from '../../../generated/validators/search-response.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { parseEndpointBody } from '../shared/parse-endpoint-body.js';

/**
 * A native search answer as a `SearchResponse`: `results` mapped by `mapResult` when the body has
 * them at `results` (a missing list falls through to validation, which reports it).
 */
export function createSearchResponse(
  body: unknown,
  items: unknown,
  route: ResolvedRoute,
  mapResult: (item: Readonly<Record<string, unknown>>) => SearchResult,
  id?: unknown,
): SearchResponse {
  if (!Array.isArray(items)) return parseEndpointBody<SearchResponse>(body, route, validateSearchResponse, 'search');
  const results = items
    .filter((item): item is Record<string, unknown> => item !== null && typeof item === 'object')
    .map(mapResult);
  const response: SearchResponse = {
    object: 'search',
    ...(typeof id === 'string' ? { id } : {}),
    model: `${route.provider.id}/${route.model}`,
    results,
  };
  return parseEndpointBody<SearchResponse>(response, route, validateSearchResponse, 'search');
}

/** A string field of a native result, else undefined. */
export function readString(item: Readonly<Record<string, unknown>>, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = item[name];
    if (typeof value === 'string') return value;
  }
  return undefined;
}

/** A result with only the fields that are present. */
export function compactResult(result: Record<string, unknown>): SearchResult {
  return Object.fromEntries(Object.entries(result).filter(([, value]) => value !== undefined)) as SearchResult;
}
