import { convertResponseUsage } from './convert-response-usage.js';
import type { ResponseCreateRequest, ResponseObject } from '../../../generated/types/index.js';
import { validateResponseObject } from '../../../generated/validators/response-object.js';
import type { CallInfoRecord } from '../../call/call-info.js';
import { readResponseStream } from '../../streaming/read-response-stream.js';
import { resolveEndpointPath } from '../resolve-endpoint-path.js';
import type { EndpointOperation, EndpointShape } from '../endpoint-operation.js';
import { mergeExtraBody } from '../merge-extra-body.js';
import { parseEndpointBody } from '../parse-endpoint-body.js';

/** The request of the response methods that take an id. */
export interface ResponseIdRequest {
  readonly response_id: string;
}

const RESPONSES = '/responses';

const readResponseObject: EndpointShape['readResponse'] = (sent, context) => {
  const response = parseEndpointBody<ResponseObject>(sent.body, context.route, validateResponseObject, 'response');
  recordUsage(response, context.info);
  return response;
};

function recordUsage(response: ResponseObject, info: CallInfoRecord): void {
  if (response.usage) info.usage = convertResponseUsage(response.usage);
}

function createBody(request: ResponseCreateRequest, model: string, stream: boolean): Record<string, unknown> {
  return mergeExtraBody(request as unknown as Record<string, unknown>, { model, stream: stream ? true : undefined });
}

/** `responses.create`: `POST /responses`. */
export const createResponseOperation: EndpointOperation<ResponseCreateRequest> = {
  endpoint: 'responses',
  openAi: {
    buildRequest: (request, route) => ({
      method: 'POST',
      path: resolveEndpointPath(route, 'responses', RESPONSES),
      body: { kind: 'json', value: createBody(request, route.model, false) },
      response: 'json',
    }),
    readResponse: readResponseObject,
  },
};

/** `responses.create({ stream: true })`: `POST /responses` read as server-sent events. */
export const createResponseStreamOperation: EndpointOperation<ResponseCreateRequest> = {
  endpoint: 'responses',
  openAi: {
    buildRequest: (request, route) => ({
      method: 'POST',
      path: resolveEndpointPath(route, 'responses', RESPONSES),
      body: { kind: 'json', value: createBody(request, route.model, true) },
      response: 'sse',
    }),
    readResponse: (sent, context, startedAt) =>
      readResponseStream({
        sent,
        info: context.info,
        idleTimeoutMs: context.options.timeoutMs,
        startedAt,
        signal: context.options.signal,
      }),
  },
};

/** `responses.retrieve`: `GET /responses/{response_id}`. */
export const retrieveResponseOperation: EndpointOperation<ResponseIdRequest> = {
  endpoint: 'responses',
  openAi: {
    buildRequest: (request, route) => ({
      method: 'GET',
      path: resolveEndpointPath(route, 'responses', RESPONSES, request.response_id),
      response: 'json',
    }),
    readResponse: readResponseObject,
  },
};

/** `responses.cancel`: `POST /responses/{response_id}/cancel` (background responses). */
export const cancelResponseOperation: EndpointOperation<ResponseIdRequest> = {
  endpoint: 'responses',
  openAi: {
    buildRequest: (request, route) => ({
      method: 'POST',
      path: resolveEndpointPath(route, 'responses', RESPONSES, request.response_id, 'cancel'),
      response: 'json',
    }),
    readResponse: readResponseObject,
  },
};
