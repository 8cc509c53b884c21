import type { FileCreateRequest, FileListParams } from '../../../../generated/types/index.js';
import { validateFileDeleteResponse } from '../../../../generated/validators/file-delete-response.js';
import { validateFileListResponse } from '../../../../generated/validators/file-list-response.js';
import { validateFileObject } from '../../../../generated/validators/file-object.js';
import { createBinaryResponse } from '../../../streaming/create-binary-response.js';
import type { WireShape } from '../../wire-shape.js';
import { convertToFormFields } from './convert-to-form-fields.js';
import { createIdShape, createOpenAiShape, readValidated } from './create-openai-shape.js';

const base = { endpoint: 'files', openAiPath: '/files', idField: 'file_id' } as const;
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
  'files.retrieve': createIdShape(base, 'GET', [], readFile),
  'files.list': createOpenAiShape<FileListParams>({
    ...base,
    method: 'GET',
    query: (request) => ({ after: request.after, limit: request.limit, order: request.order, purpose: request.purpose }),
    readResponse: readValidated(validateFileListResponse, 'file list'),
  }),
  'files.delete': createIdShape(base, 'DELETE', [], readValidated(validateFileDeleteResponse, 'file deletion')),
  'files.content': createIdShape(base, 'GET', ['content'], createBinaryResponse, 'binary'),
} satisfies Record<string, WireShape<never>>;
