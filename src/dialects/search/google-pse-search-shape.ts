import { BadRequestError } from '../../errors/error-classes.js';
import { createSearchShape } from './create-search-shape.js';
import { mapGoogleResult, toGoogleParams } from './google-results.js';

/** The Custom Search JSON API returns at most 10 results per request. */
const MAX_NUM = 10;

/**
 * Google Programmable Search Engine (Custom Search JSON API): `GET /v1?cx=...&q=...&num=...&gl=...`,
 * the engine id from the registry's URL variable, the key as the `key` query parameter. `num` is
 * at most 10 (more pages through `extra_body: { start }`), so a larger `max_results` is refused.
 * Domain filters as `site:` operators. Results are `items` (`link`, `snippet`).
 */
export const googlePseSearchShape = createSearchShape({
  method: 'GET',
  convert(request, provider) {
    const { max_results: maxResults } = request;
    if (maxResults !== undefined && maxResults > MAX_NUM) {
      throw new BadRequestError(
        `${provider}: max_results is ${maxResults}, but the Custom Search JSON API returns at most ${MAX_NUM} per request (page with extra_body: { start })`,
        { provider },
      );
    }
    return { params: toGoogleParams(request) };
  },
  results: (body) => body.items ?? [],
  mapResult: mapGoogleResult,
});
