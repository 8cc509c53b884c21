import { createSearchShape } from './create-search-shape.js';
import { mapGoogleResult, toGoogleParams } from './google-results.js';

/**
 * SerpApi and SearchApi, which answer alike: `GET` with `q`, `num` and `gl` (the `engine` comes
 * from the registry's query quirk, `google` by default). Results are `organic_results` (absent
 * when nothing was found, unless the answer holds an `error`, which is thrown), the id
 * `search_metadata.id`.
 */
export const organicResultsSearchShape = createSearchShape({
  method: 'GET',
  convert: (request) => ({ params: toGoogleParams(request) }),
  results: (body) => body.organic_results ?? (body.error === undefined ? [] : undefined),
  id: (body) => (body.search_metadata as { id?: unknown } | undefined)?.id,
  mapResult: mapGoogleResult,
});
