import type { BatchCreateRequest, BatchListParams } from '../../../../generated/types/index.js';
import { validateBatch } from '../../../../generated/validators/batch.js';
import { validateBatchListResponse } from '../../../../generated/validators/batch-list-response.js';
import { BadRequestError } from '../../../errors/error-classes.js';
import { mergeExtraBody } from '../../shared/merge-extra-body.js';
import type { WireShape } from '../../wire-shape.js';
import { createIdShape, createOpenAiShape, readValidated } from './create-openai-shape.js';

const base = { endpoint: 'batches', openAiPath: '/batches', idField: 'batch_id' } as const;
const readBatch = readValidated(validateBatch, 'batch');

/** `batches.create` (`POST /batches`), `.retrieve` (`GET /batches/{id}`), `.list` (`GET /batches?after=&limit=`), `.cancel` (`POST /batches/{id}/cancel`). */
export const BATCH_SHAPES = {
  'batches.create': createOpenAiShape<BatchCreateRequest>({
    ...base,
    method: 'POST',
    body(request) {
      if ('requests' in request) {
        throw new BadRequestError(
          'batches.create(request): requests (inline) are served by the anthropic dialect; this provider takes an uploaded input_file_id',
        );
      }
      return mergeExtraBody(request as unknown as Record<string, unknown>);
    },
    readResponse: readBatch,
  }),
  'batches.retrieve': createIdShape(base, 'GET', [], readBatch),
  'batches.list': createOpenAiShape<BatchListParams>({
    ...base,
    method: 'GET',
    query: (request) => ({ after: request.after, limit: request.limit }),
    readResponse: readValidated(validateBatchListResponse, 'batch list'),
  }),
  'batches.cancel': createIdShape(base, 'POST', ['cancel'], readBatch),
} satisfies Record<string, WireShape<never>>;
