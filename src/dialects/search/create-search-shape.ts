import type { SearchRequest, SearchResult } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import { isRecord } from '../shared/is-record.js';
import { mergeExtraBody } from '../shared/merge-extra-body.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';
import type { WireShape } from '../wire-shape.js';
import { createSearchResponse } from './create-search-response.js';

type Body = Readonly<Record<string, unknown>>;

export interface SearchShapeInput {
  /** GET sends the native parameters as the query string, POST as a JSON body. */
  readonly method: 'GET' | 'POST';
  /** The path when the registry entry declares none. */
  readonly defaultPath?: string;
  /**
   * The native parameters for the request's own fields (`extra_body` is merged after them, as-is),
   * and warnings for fields the API has no place for.
   */
  readonly convert: (request: SearchRequest, provider: string) => { readonly params: Record<string, unknown>; readonly warnings?: readonly string[] };
  /** Headers the API needs on every search (e.g. asking for JSON). */
  readonly headers?: Readonly<Record<string, string>>;
  /** The native result list in the answer. */
  readonly results: (body: Body) => unknown;
  /** The request id in the answer, when it carries one. */
  readonly id?: (body: Body) => unknown;
  /** True when the API takes no result count: `max_results` is applied to the answer instead. */
  readonly limitResults?: boolean;
  readonly mapResult: (item: Body) => SearchResult;
}

/** A native search API as one wire shape: the request's fields to its parameters, its result list to `SearchResponse`. */
export function createSearchShape(input: SearchShapeInput): WireShape<SearchRequest> {
  return {
    buildRequest(request, route) {
      const { params, warnings = [] } = input.convert(request, route.provider.id);
      const merged = mergeExtraBody({ ...params, extra_body: request.extra_body });
      const path = resolveEndpointPath(route, 'search', input.defaultPath ?? '/search');
      const common = { endpoint: 'search' as const, path, warnings, ...(input.headers === undefined ? {} : { headers: input.headers }) };
      if (input.method === 'POST') return { ...common, method: 'POST', body: merged };
      return { ...common, method: 'GET', query: toQuery(merged, route.provider.id) };
    },
    readResponse(sent, context) {
      const body: Body = isRecord(sent.body) ? sent.body : {};
      const items = input.results(body);
      const max = (context.request as SearchRequest).max_results;
      const limited = input.limitResults === true && Array.isArray(items) && max !== undefined ? items.slice(0, max) : items;
      return createSearchResponse(sent.body, limited, context.route, input.mapResult, input.id?.(body));
    },
  };
}

/** Query parameters of a GET search: scalars as text; a list or object has no query form and is refused. */
function toQuery(params: Body, provider: string): Record<string, string | number | boolean | undefined> {
  const query: Record<string, string | number | boolean | undefined> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value !== null && typeof value === 'object') {
      throw new BadRequestError(`${provider}: search parameter "${name}" must be a string, number or boolean: this API takes its parameters in the query string`, {
        provider,
      });
    }
    query[name] = value === null ? undefined : (value as string | number | boolean | undefined);
  }
  return query;
}
