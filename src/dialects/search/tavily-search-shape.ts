import { compactResult, readString } from './create-search-response.js';
import { createPostSearchShape } from './create-post-search-shape.js';

/** Tavily: `POST /search` with `include_domains`; results carry `content` and `score`. */
export const tavilySearchShape = createPostSearchShape({
  convertBody: ({ model: _model, search_domain_filter: domains, extra_body: _extra, ...rest }) => ({
    ...rest,
    include_domains: domains,
  }),
  idField: 'request_id',
  mapResult: (item) =>
    compactResult({
      title: readString(item, 'title'),
      url: readString(item, 'url'),
      snippet: readString(item, 'content'),
      date: readString(item, 'published_date'),
      score: typeof item.score === 'number' ? item.score : undefined,
    }),
});
