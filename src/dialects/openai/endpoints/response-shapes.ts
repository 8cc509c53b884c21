import type { ResponseCreateRequest, ResponseObject } from '../../../../generated/types/index.js';
import { validateResponseObject } from '../../../../generated/validators/response-object.js';
import { readResponseStream } from '../../../streaming/read-response-stream.js';
import { mergeExtraBody } from '../../shared/merge-extra-body.js';
import { parseEndpointBody } from '../../shared/parse-endpoint-body.js';
import type { WireShape } from '../../wire-shape.js';
import { convertResponseUsage } from './convert-response-usage.js';
import { createOpenAiShape } from './create-openai-shape.js';

/** The request of the response methods that take an id. */
export interface ResponseIdRequest {
  readonly response_id: string;
}

const base = { endpoint: 'responses', openAiPath: '/responses' } as const;

const readResponseObject: WireShape['readResponse'] = (sent, context) => {
  const response = parseEndpointBody<ResponseObject>(sent.body, context.route, validateResponseObject, 'response');
  if (response.usage) context.info.usage = convertResponseUsage(response.usage);
  return response;
};

function createBody(request: ResponseCreateRequest, model: string, stream: boolean): Record<string, unknown> {
  return mergeExtraBody(request as unknown as Record<string, unknown>, { model, stream: stream ? true : undefined });
}

/**
 * `responses.create` (`POST /responses`), `.createStream` (the same with `stream: true`, read as
 * server-sent events), `.retrieve` (`GET /responses/{id}`), `.cancel` (`POST /responses/{id}/cancel`,
 * background responses).
 */
export const RESPONSE_SHAPES = {
  'responses.create': createOpenAiShape<ResponseCreateRequest>({
    ...base,
    method: 'POST',
    body: (request, route) => createBody(request, route.model, false),
    readResponse: readResponseObject,
  }),
  'responses.createStream': createOpenAiShape<ResponseCreateRequest>({
    ...base,
    method: 'POST',
    body: (request, route) => createBody(request, route.model, true),
    response: 'sse',
    readResponse: (sent, context, startedAt) =>
      readResponseStream({
        sent,
        info: context.info,
        idleTimeoutMs: context.options.timeoutMs,
        startedAt,
        signal: context.options.signal,
      }),
  }),
  'responses.retrieve': createOpenAiShape<ResponseIdRequest>({
    ...base,
    method: 'GET',
    segments: (request) => [request.response_id],
    readResponse: readResponseObject,
  }),
  'responses.cancel': createOpenAiShape<ResponseIdRequest>({
    ...base,
    method: 'POST',
    segments: (request) => [request.response_id, 'cancel'],
    readResponse: readResponseObject,
  }),
} satisfies Record<string, WireShape<never>>;
