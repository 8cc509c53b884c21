import type { SearchRequest, SearchResult } from '../../../generated/types/index.js';
import { appendSiteFilter } from './append-site-filter.js';
import { compactResult, readString } from './create-search-response.js';

/**
 * The parameters every Google-results API takes (Serper, SerpApi, SearchApi, Google's own Custom
 * Search): `q` with domain filters as `site:` operators, `num`, and `gl` as a lower-case country.
 */
export function toGoogleParams(request: SearchRequest): Record<string, unknown> {
  return {
    q: appendSiteFilter(request.query, request.search_domain_filter),
    num: request.max_results,
    gl: request.country?.toLowerCase(),
  };
}

/** A Google organic result (`title`, `link`, `snippet`, and `date` where the API gives one). */
export function mapGoogleResult(item: Readonly<Record<string, unknown>>): SearchResult {
  return compactResult({
    title: readString(item, 'title'),
    url: readString(item, 'link'),
    snippet: readString(item, 'snippet'),
    date: readString(item, 'date'),
  });
}
