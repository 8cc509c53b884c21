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

/** A list of text excerpts (Exa's `highlights`, Parallel's `excerpts`) as one snippet, else undefined. */
export function readExcerpts(item: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = item[name];
  const parts = Array.isArray(value) ? value.filter((part): part is string => typeof part === 'string') : [];
  return parts.length > 0 ? parts.join(' … ') : undefined;
}

/** A numeric field of a native result, else undefined. */
export function readNumber(item: Readonly<Record<string, unknown>>, name: string): number | undefined {
  const value = item[name];
  return typeof value === 'number' ? value : undefined;
}

/** A result with only the fields that are present. */
export function compactResult(result: Record<string, unknown>): SearchResult {
  return Object.fromEntries(Object.entries(result).filter(([, value]) => value !== undefined)) as SearchResult;
}
