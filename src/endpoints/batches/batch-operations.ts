import type { BatchCreateRequest, BatchListParams } from '../../../generated/types/index.js';
import { validateBatch } from '../../../generated/validators/batch.js';
import { validateBatchListResponse } from '../../../generated/validators/batch-list-response.js';
import { resolveEndpointPath } from '../resolve-endpoint-path.js';
import type { EndpointOperation, EndpointShape } from '../endpoint-operation.js';
import { mergeExtraBody } from '../merge-extra-body.js';
import { parseEndpointBody } from '../parse-endpoint-body.js';

/** The request of the batch methods that take an id. */
export interface BatchIdRequest {
  readonly batch_id: string;
}

const BATCHES = '/batches';

const readBatch: EndpointShape['readResponse'] = (sent, context) =>
  parseEndpointBody(sent.body, context.route, validateBatch, 'batch');

/** `batches.create`: `POST /batches`. */
export const createBatchOperation: EndpointOperation<BatchCreateRequest> = {
  endpoint: 'batches',
  openAi: {
    buildRequest: (request, route) => ({
      method: 'POST',
      path: resolveEndpointPath(route, 'batches', BATCHES),
      body: { kind: 'json', value: mergeExtraBody(request as unknown as Record<string, unknown>) },
      response: 'json',
    }),
    readResponse: readBatch,
  },
};

/** `batches.retrieve`: `GET /batches/{batch_id}`. */
export const retrieveBatchOperation: EndpointOperation<BatchIdRequest> = {
  endpoint: 'batches',
  openAi: {
    buildRequest: (request, route) => ({
      method: 'GET',
      path: resolveEndpointPath(route, 'batches', BATCHES, request.batch_id),
      response: 'json',
    }),
    readResponse: readBatch,
  },
};

/** `batches.list`: `GET /batches?after=&limit=`. */
export const listBatchesOperation: EndpointOperation<BatchListParams> = {
  endpoint: 'batches',
  openAi: {
    buildRequest: (request, route) => ({
      method: 'GET',
      path: resolveEndpointPath(route, 'batches', BATCHES),
      query: { after: request.after, limit: request.limit },
      response: 'json',
    }),
    readResponse: (sent, context) =>
      parseEndpointBody(sent.body, context.route, validateBatchListResponse, 'batch list'),
  },
};

/** `batches.cancel`: `POST /batches/{batch_id}/cancel`. */
export const cancelBatchOperation: EndpointOperation<BatchIdRequest> = {
  endpoint: 'batches',
  openAi: {
    buildRequest: (request, route) => ({
      method: 'POST',
      path: resolveEndpointPath(route, 'batches', BATCHES, request.batch_id, 'cancel'),
      response: 'json',
    }),
    readResponse: readBatch,
  },
};
