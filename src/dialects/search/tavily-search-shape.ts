import { compactResult, readNumber, readString } from './create-search-response.js';
import { createSearchShape } from './create-search-shape.js';

/** Tavily: `POST /search` with `include_domains`; results carry `content` and `score`. */
export const tavilySearchShape = createSearchShape({
  method: 'POST',
  convert: ({ model: _model, search_domain_filter: domains, extra_body: _extra, ...rest }) => ({
    params: { ...rest, include_domains: domains },
  }),
  results: (body) => body.results,
  id: (body) => body.request_id,
  mapResult: (item) =>
    compactResult({
      title: readString(item, 'title'),
      url: readString(item, 'url'),
      snippet: readString(item, 'content'),
      date: readString(item, 'published_date'),
      score: readNumber(item, 'score'),
    }),
});
