import type { SearchRequest, SearchResult } from '../../../generated/types/index.js';
import { mergeExtraBody } from '../shared/merge-extra-body.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';
import type { WireShape } from '../wire-shape.js';
import { createSearchResponse } from './create-search-response.js';

export interface PostSearchShapeInput {
  /** The native body fields for the request's own (`extra_body` is merged after them). */
  readonly convertBody: (request: SearchRequest) => Record<string, unknown>;
  /** Where the native answer carries its id. */
  readonly idField: string;
  readonly mapResult: (item: Readonly<Record<string, unknown>>) => SearchResult;
}

/** A search API read as `POST /search` with a JSON body, answering a `results` list (Exa, Tavily). */
export function createPostSearchShape(input: PostSearchShapeInput): WireShape<SearchRequest> {
  return {
    buildRequest(request, route) {
      const { extra_body: extraBody } = request;
      return {
        endpoint: 'search',
        method: 'POST',
        path: resolveEndpointPath(route, 'search', '/search'),
        body: mergeExtraBody({ ...input.convertBody(request), extra_body: extraBody }),
        warnings: [],
      };
    },
    readResponse(sent, context) {
      const body = sent.body as Readonly<Record<string, unknown>> | null;
      return createSearchResponse(sent.body, body?.results, context.route, input.mapResult, body?.[input.idField]);
    },
  };
}
