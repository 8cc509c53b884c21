import type { Operation } from '../call/operation.js';
import {
  cancelBatchOperation,
  createBatchOperation,
  listBatchesOperation,
  retrieveBatchOperation,
} from './batches/batch-operations.js';
import { completionOperation } from './completion-operation.js';
import { createAudioUploadOperation } from './create-audio-upload-operation.js';
import type { EndpointOperation } from './endpoint-operation.js';
import {
  createFileOperation,
  deleteFileOperation,
  fileContentOperation,
  listFilesOperation,
  retrieveFileOperation,
} from './files/file-operations.js';
import { imageGenerateOperation } from './image-generate-operation.js';
import { moderateOperation } from './moderate-operation.js';
import { ocrOperation } from './ocr-operation.js';
import { rerankOperation } from './rerank/rerank-operation.js';
import {
  cancelResponseOperation,
  createResponseOperation,
  createResponseStreamOperation,
  retrieveResponseOperation,
} from './responses/response-operations.js';
import { searchOperation } from './search/search-operation.js';
import { speechOperation } from './speech-operation.js';

/** Operations that dialects implement (`chat`, `chatStream`, `embed`, `listModels`) ... */
export type DialectOperation = 'chat' | 'chatStream' | 'embed' | 'listModels';
/** ... and the rest, each run from one descriptor. */
export type EndpointOperationName = Exclude<Operation, DialectOperation>;

/**
 * Every operation that is not chat or embeddings, by name. The core looks the call's operation up
 * here; a new endpoint is a new descriptor in this table, not a new branch in the core.
 */
export const ENDPOINT_OPERATIONS: Readonly<Record<EndpointOperationName, EndpointOperation>> = {
  imageGenerate: imageGenerateOperation,
  speech: speechOperation,
  transcribe: createAudioUploadOperation('transcriptions', '/audio/transcriptions'),
  translate: createAudioUploadOperation('translations', '/audio/translations'),
  moderate: moderateOperation,
  rerank: rerankOperation,
  search: searchOperation,
  ocr: ocrOperation,
  completion: completionOperation,
  'files.create': createFileOperation,
  'files.retrieve': retrieveFileOperation,
  'files.list': listFilesOperation,
  'files.delete': deleteFileOperation,
  'files.content': fileContentOperation,
  'batches.create': createBatchOperation,
  'batches.retrieve': retrieveBatchOperation,
  'batches.list': listBatchesOperation,
  'batches.cancel': cancelBatchOperation,
  'responses.create': createResponseOperation,
  'responses.createStream': createResponseStreamOperation,
  'responses.retrieve': retrieveResponseOperation,
  'responses.cancel': cancelResponseOperation,
};
