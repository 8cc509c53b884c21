import { compactResult, readExcerpts, readNumber, readString } from './create-search-response.js';
import { createSearchShape } from './create-search-shape.js';

/**
 * Exa: `POST /search` with `numResults`, `includeDomains` and `userLocation`. The snippet is the
 * first of `highlights`, `summary` and `text` that the result carries (ask for them with
 * `extra_body: { contents: { highlights: true } }`).
 */
export const exaSearchShape = createSearchShape({
  method: 'POST',
  convert: ({ model: _model, max_results: maxResults, search_domain_filter: domains, country, extra_body: _extra, ...rest }) => ({
    params: { ...rest, numResults: maxResults, includeDomains: domains, userLocation: country },
  }),
  results: (body) => body.results,
  id: (body) => body.requestId,
  mapResult: (item) =>
    compactResult({
      title: readString(item, 'title'),
      url: readString(item, 'url'),
      snippet: readExcerpts(item, 'highlights') ?? readString(item, 'summary', 'text'),
      date: readString(item, 'publishedDate'),
      score: readNumber(item, 'score'),
    }),
});
