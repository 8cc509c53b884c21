import type { ResponseCreateRequest, ResponseObject } from '../../../../generated/types/index.js';
import { validateResponseObject } from '../../../../generated/validators/response-object.js';
import { streamIdleCheckpoint } from '../../../call/call-checkpoints.js';
import { readResponseStream } from '../../../streaming/read-response-stream.js';
import { mergeExtraBody } from '../../shared/merge-extra-body.js';
import { parseEndpointBody } from '../../shared/parse-endpoint-body.js';
import type { WireShape } from '../../wire-shape.js';
import { convertResponseUsage } from './convert-response-usage.js';
import { createIdShape, createOpenAiShape } from './create-openai-shape.js';

const base = { endpoint: 'responses', openAiPath: '/responses', idField: 'response_id' } as const;

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
        streamTimeoutMs: context.options.streamTimeoutMs,
        startedAt,
        signal: context.options.signal,
        onIdle: streamIdleCheckpoint(context),
      }),
  }),
  'responses.retrieve': createIdShape(base, 'GET', [], readResponseObject),
  'responses.cancel': createIdShape(base, 'POST', ['cancel'], readResponseObject),
} satisfies Record<string, WireShape<never>>;
