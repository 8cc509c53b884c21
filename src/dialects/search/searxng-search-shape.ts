import { appendSiteFilter } from './append-site-filter.js';
import { compactResult, readNumber, readString } from './create-search-response.js';
import { createSearchShape } from './create-search-shape.js';

/**
 * SearXNG: `GET /search?q=...&format=json` (`format` from the registry's query quirk; the instance
 * must enable JSON in its settings). It takes no result count, so `max_results` trims the answer;
 * it localises by language, not country, so `country` is dropped with a warning (send
 * `extra_body: { language: 'de-DE' }`). Domain filters as `site:` operators.
 */
export const searxngSearchShape = createSearchShape({
  method: 'GET',
  convert: (request) => ({
    params: { q: appendSiteFilter(request.query, request.search_domain_filter) },
    warnings:
      request.country === undefined
        ? []
        : ['dropped "country": SearXNG localises by language; send extra_body: { language } (e.g. "de-DE") instead'],
  }),
  limitResults: true,
  results: (body) => body.results,
  mapResult: (item) =>
    compactResult({
      title: readString(item, 'title'),
      url: readString(item, 'url'),
      snippet: readString(item, 'content'),
      date: readString(item, 'publishedDate', 'pubdate'),
      score: readNumber(item, 'score'),
    }),
});
