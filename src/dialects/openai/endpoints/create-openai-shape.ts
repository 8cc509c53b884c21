import type { EndpointName } from '../../../provider-definition.js';
import type { ResolvedRoute } from '../../../routing/resolved-route.js';
import type { WireRequest, WireResponseKind } from '../../dialect.js';
import { parseEndpointBody } from '../../shared/parse-endpoint-body.js';
import { resolveEndpointPath } from '../../shared/resolve-endpoint-path.js';
import type { WireShape } from '../../wire-shape.js';

export interface OpenAiShapeInput<Request> {
  readonly endpoint: EndpointName;
  readonly method: WireRequest['method'];
  /** The path on an OpenAI-compatible server (and the default for a provider that declares none). */
  readonly openAiPath: string;
  /** Segments after the path (an id, `cancel`, `content`), URL-encoded. */
  readonly segments?: (request: Request) => readonly string[];
  readonly query?: (request: Request) => WireRequest['query'];
  readonly body?: (request: Request, route: ResolvedRoute) => Record<string, unknown>;
  readonly multipart?: (request: Request, route: ResolvedRoute) => NonNullable<WireRequest['multipart']>;
  /** Default `json`. */
  readonly response?: WireResponseKind;
  /** Headers this endpoint needs on every request (e.g. a beta feature header). */
  readonly headers?: (route: ResolvedRoute) => Readonly<Record<string, string>> | undefined;
  /** Request fields the wire format cannot carry, reported in `callInfo().warnings`. */
  readonly warnings?: (request: Request) => readonly string[];
  readonly readResponse: WireShape['readResponse'];
}

/**
 * One endpoint in OpenAI's wire format, described as data: method, path (the provider's declared
 * path, else OpenAI's) with any id segments, query, JSON or multipart body, and the reader.
 */
export function createOpenAiShape<Request>(input: OpenAiShapeInput<Request>): WireShape<Request> {
  return {
    buildRequest(request, route) {
      const segments = input.segments?.(request) ?? [];
      const headers = input.headers?.(route);
      return {
        endpoint: input.endpoint,
        method: input.method,
        path: resolveEndpointPath(route, input.endpoint, input.openAiPath, ...segments),
        query: input.query?.(request),
        body: input.body?.(request, route),
        multipart: input.multipart?.(request, route),
        response: input.response ?? 'json',
        ...(headers === undefined ? {} : { headers }),
        warnings: input.warnings?.(request) ?? [],
      };
    },
    readResponse: input.readResponse,
  };
}

/** Where a collection lives, and which request field names one of its objects (`file_id`). */
export interface CollectionBase {
  readonly endpoint: EndpointName;
  readonly openAiPath: string;
  readonly idField: string;
  readonly headers?: OpenAiShapeInput<never>['headers'];
}

/** A method on one object by id (`GET /files/{id}`, `POST /batches/{id}/cancel`): `suffix` follows the id. */
export function createIdShape(
  base: CollectionBase,
  method: WireRequest['method'],
  suffix: readonly string[],
  readResponse: WireShape['readResponse'],
  response?: WireResponseKind,
): WireShape<Readonly<Record<string, string>>> {
  const { idField, ...where } = base;
  return createOpenAiShape({ ...where, method, segments: (request) => [String(request[idField]), ...suffix], readResponse, response });
}

/**
 * A reader of a JSON body checked with its generated validator; `what` names it in errors.
 * `convert` first turns a native body into OpenAI's shape (Anthropic's files and batches).
 */
export function readValidated(
  validate: (data: unknown) => string | undefined,
  what: string,
  convert: (body: unknown) => unknown = (body) => body,
): WireShape['readResponse'] {
  return (sent, context) => parseEndpointBody(convert(sent.body), context.route, validate, what);
}
