import type { BatchCreateRequest, BatchListParams } from '../../../generated/types/index.js';
import { validateBatch } from '../../../generated/validators/batch.js';
import { validateBatchListResponse } from '../../../generated/validators/batch-list-response.js';
import { BadRequestError } from '../../errors/error-classes.js';
import { createIdShape, createOpenAiShape, readValidated } from '../openai/endpoints/create-openai-shape.js';
import { mergeExtraBody } from '../shared/merge-extra-body.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';
import type { WireShape } from '../wire-shape.js';
import { convertAnthropicBatch } from './convert-anthropic-batch.js';
import { convertAnthropicBatchRequests } from './convert-anthropic-batch-requests.js';
import { convertAnthropicPage } from './convert-anthropic-page.js';
import { createAnthropicBetaHeader } from './create-anthropic-beta-header.js';

const base = { endpoint: 'batches', openAiPath: '/v1/messages/batches', idField: 'batch_id' } as const;
const readBatch = readValidated(validateBatch, 'batch', convertAnthropicBatch);

/**
 * Anthropic's Message Batches behind `client.batches`: `create` takes the requests inline
 * (`{ requests: [{ custom_id, body | params }] }`, see `convertAnthropicBatchRequests`; an
 * `input_file_id` is refused, Anthropic reads no uploaded JSONL) and posts
 * `POST /v1/messages/batches`; `retrieve` (`GET .../{id}`), `list` (`GET ...?after_id=&limit=`) and
 * `cancel` (`POST .../{id}/cancel`). Every answer is mapped to OpenAI's `Batch` (`convertAnthropicBatch`).
 */
export const ANTHROPIC_BATCH_SHAPES = {
  'batches.create': {
    buildRequest(request, route) {
      if (!('requests' in request)) {
        throw new BadRequestError(
          `batches.create(request): requests is required for ${route.provider.id}: Anthropic's Message Batches take the requests inline, not an input_file_id`,
        );
      }
      const converted = convertAnthropicBatchRequests(request.requests, route);
      const headers = createAnthropicBetaHeader(route, converted.betas);
      return {
        endpoint: 'batches',
        method: 'POST',
        path: resolveEndpointPath(route, 'batches', base.openAiPath),
        body: mergeExtraBody({ extra_body: request.extra_body }, { requests: converted.requests }),
        ...(headers === undefined ? {} : { headers }),
        response: 'json',
        warnings: converted.warnings,
      };
    },
    readResponse: readBatch,
  } satisfies WireShape<BatchCreateRequest>,
  'batches.retrieve': createIdShape(base, 'GET', [], readBatch),
  'batches.list': createOpenAiShape<BatchListParams>({
    ...base,
    method: 'GET',
    query: (request) => ({ after_id: request.after, limit: request.limit }),
    readResponse: readValidated(validateBatchListResponse, 'batch list', (body) => convertAnthropicPage(body, convertAnthropicBatch)),
  }),
  'batches.cancel': createIdShape(base, 'POST', ['cancel'], readBatch),
} satisfies Record<string, WireShape<never>>;
