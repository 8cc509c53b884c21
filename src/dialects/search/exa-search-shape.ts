import { compactResult, readString } from './create-search-response.js';
import { createPostSearchShape } from './create-post-search-shape.js';

/**
 * Exa: `POST /search` with `numResults`, `includeDomains` and `userLocation`. The snippet is the
 * first of `highlights`, `summary` and `text` that the result carries (ask for them with
 * `extra_body: { contents: { highlights: true } }`).
 */
export const exaSearchShape = createPostSearchShape({
  convertBody: ({ model: _model, max_results: maxResults, search_domain_filter: domains, country, extra_body: _extra, ...rest }) => ({
    ...rest,
    numResults: maxResults,
    includeDomains: domains,
    userLocation: country,
  }),
  idField: 'requestId',
  mapResult(item) {
    const highlights = Array.isArray(item.highlights) ? item.highlights.filter((part) => typeof part === 'string') : [];
    return compactResult({
      title: readString(item, 'title'),
      url: readString(item, 'url'),
      snippet: highlights.length > 0 ? highlights.join(' … ') : readString(item, 'summary', 'text'),
      date: readString(item, 'publishedDate'),
      score: typeof item.score === 'number' ? item.score : undefined,
    });
  },
});
