import type { EndpointName } from '../../../provider-definition.js';
import type { ResolvedRoute } from '../../../routing/resolved-route.js';
import { mergeExtraBody } from '../../shared/merge-extra-body.js';
import type { WireShape } from '../../wire-shape.js';
import { createOpenAiShape, readValidated } from './create-openai-shape.js';

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
export function createJsonShape<Request extends object>(input: JsonShapeInput<Request>): WireShape<Request> {
  return createOpenAiShape<Request>({
    endpoint: input.endpoint,
    method: 'POST',
    openAiPath: input.openAiPath,
    body(request, route) {
      const merged = mergeExtraBody(request as Record<string, unknown>, { model: route.model });
      return input.convertBody?.(merged, request, route) ?? merged;
    },
    readResponse: readValidated(input.validate, input.what),
  });
}
