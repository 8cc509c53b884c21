import type { EndpointName } from '../provider-definition.js';
import type { ResolvedRoute } from '../routing/resolved-route.js';
import { resolveEndpointPath } from './resolve-endpoint-path.js';
import type { EndpointShape } from './endpoint-operation.js';
import { mergeExtraBody } from './merge-extra-body.js';
import { parseEndpointBody } from './parse-endpoint-body.js';

export interface JsonShapeInput<Request> {
  readonly endpoint: EndpointName;
  /** The path on an OpenAI-compatible server (and the default for a provider that declares none). */
  readonly openAiPath: string;
  /** Validates the response body (a generated validator). */
  readonly validate: (data: unknown) => string | undefined;
  /** Names the response in errors, e.g. `images`. */
  readonly what: string;
  /** Changes the wire body after `extra_body` is merged (default: none). */
  readonly convertBody?: (
    body: Record<string, unknown>,
    request: Request,
    route: ResolvedRoute,
  ) => Record<string, unknown>;
}

/**
 * The OpenAI wire format of a model endpoint: `POST <path>` with the request as JSON (model set to
 * the routed id, `extra_body` merged), and a JSON response checked with its generated validator.
 */
export function createJsonShape<Request extends object>(input: JsonShapeInput<Request>): EndpointShape<Request> {
  return {
    buildRequest(request, route) {
      const merged = mergeExtraBody(request as Record<string, unknown>, { model: route.model });
      const body = input.convertBody?.(merged, request, route) ?? merged;
      return {
        method: 'POST',
        path: resolveEndpointPath(route, input.endpoint, input.openAiPath),
        body: { kind: 'json', value: body },
        response: 'json',
      };
    },
    readResponse(sent, context) {
      return parseEndpointBody(sent.body, context.route, input.validate, input.what);
    },
  };
}
