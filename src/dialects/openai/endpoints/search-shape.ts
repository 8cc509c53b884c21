import type { SearchRequest } from '../../../../generated/types/index.js';
import { validateSearchResponse } from '../../../../generated/validators/search-response.js';
import { createJsonShape } from './create-json-shape.js';

/** `search`: `POST /search` on gateways, the request as JSON, results as `SearchResponse`. */
export const searchShape = createJsonShape<SearchRequest>({
  endpoint: 'search',
  openAiPath: '/search',
  validate: validateSearchResponse,
  what: 'search',
});
