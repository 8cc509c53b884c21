import type { FileCreateRequest, FileListParams } from '../../../../generated/types/index.js';
import { validateFileDeleteResponse } from '../../../../generated/validators/file-delete-response.js';
import { validateFileListResponse } from '../../../../generated/validators/file-list-response.js';
import { validateFileObject } from '../../../../generated/validators/file-object.js';
import { createBinaryResponse } from '../../../streaming/create-binary-response.js';
import type { WireShape } from '../../wire-shape.js';
import { convertToFormFields } from './convert-to-form-fields.js';
import { createOpenAiShape, readValidated } from './create-openai-shape.js';

/** The request of the file methods that take an id. */
export interface FileIdRequest {
  readonly file_id: string;
}

const base = { endpoint: 'files', openAiPath: '/files' } as const;
const readFile = readValidated(validateFileObject, 'file');

/**
 * `files.create` (`POST /files`, a multipart upload with `purpose`), `.retrieve`
 * (`GET /files/{id}`), `.list` (`GET /files?after=&limit=&order=&purpose=`), `.delete`
 * (`DELETE /files/{id}`), `.content` (`GET /files/{id}/content`, streamed as a `BinaryResponse`).
 */
export const FILE_SHAPES = {
  'files.create': createOpenAiShape<FileCreateRequest>({
    ...base,
    method: 'POST',
    multipart: ({ file, filename, extra_body: extraBody, ...fields }) => ({
      fields: convertToFormFields({ ...fields, ...extraBody }),
      file: { value: file, filename },
    }),
    readResponse: readFile,
  }),
  'files.retrieve': createOpenAiShape<FileIdRequest>({
    ...base,
    method: 'GET',
    segments: (request) => [request.file_id],
    readResponse: readFile,
  }),
  'files.list': createOpenAiShape<FileListParams>({
    ...base,
    method: 'GET',
    query: (request) => ({ after: request.after, limit: request.limit, order: request.order, purpose: request.purpose }),
    readResponse: readValidated(validateFileListResponse, 'file list'),
  }),
  'files.delete': createOpenAiShape<FileIdRequest>({
    ...base,
    method: 'DELETE',
    segments: (request) => [request.file_id],
    readResponse: readValidated(validateFileDeleteResponse, 'file deletion'),
  }),
  'files.content': createOpenAiShape<FileIdRequest>({
    ...base,
    method: 'GET',
    segments: (request) => [request.file_id, 'content'],
    response: 'binary',
    readResponse: createBinaryResponse,
  }),
} satisfies Record<string, WireShape<never>>;
