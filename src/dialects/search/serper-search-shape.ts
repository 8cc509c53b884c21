import { createSearchShape } from './create-search-shape.js';
import { mapGoogleResult, toGoogleParams } from './google-results.js';

/** Serper (Google results): `POST /search` with `q`, `num` and `gl`; results are the answer's `organic` list. */
export const serperSearchShape = createSearchShape({
  method: 'POST',
  convert: (request) => ({ params: toGoogleParams(request) }),
  results: (body) => body.organic,
  mapResult: mapGoogleResult,
});
