import type { FileCreateRequest, FileListParams } from '../../../generated/types/index.js';
import { validateFileDeleteResponse } from '../../../generated/validators/file-delete-response.js';
import { validateFileListResponse } from '../../../generated/validators/file-list-response.js';
import { validateFileObject } from '../../../generated/validators/file-object.js';
import { createBinaryResponse } from '../../streaming/create-binary-response.js';
import { convertToFormFields } from '../openai/endpoints/convert-to-form-fields.js';
import { createIdShape, createOpenAiShape, readValidated } from '../openai/endpoints/create-openai-shape.js';
import type { WireShape } from '../wire-shape.js';
import { FILES_API_BETA } from './conversion-notes.js';
import { convertAnthropicFile } from './convert-anthropic-file.js';
import { convertAnthropicFileDeletion } from './convert-anthropic-file-deletion.js';
import { convertAnthropicPage } from './convert-anthropic-page.js';
import { createAnthropicBetaHeader } from './create-anthropic-beta-header.js';
import { typeAnthropicUpload } from './type-anthropic-upload.js';

const base = {
  endpoint: 'files',
  openAiPath: '/v1/files',
  idField: 'file_id',
  headers: (route) => createAnthropicBetaHeader(route, [FILES_API_BETA]),
} as const satisfies Parameters<typeof createIdShape>[0];

const readFile = readValidated(validateFileObject, 'file', convertAnthropicFile);

/**
 * Anthropic's Files API (beta, `anthropic-beta: files-api-2025-04-14` on every call) behind
 * `client.files`: `create` (`POST /v1/files`, multipart with the `file` part only, typed from its
 * name when given as bytes), `retrieve`
 * (`GET /v1/files/{id}`), `list` (`GET /v1/files?after_id=&limit=`), `delete`
 * (`DELETE /v1/files/{id}`), `content` (`GET /v1/files/{id}/content`, only for files Anthropic
 * marks `downloadable`). OpenAI fields Anthropic has no place for (`purpose`, `expires_after`, a
 * list's `order` and `purpose`) are not sent and are reported in `callInfo().warnings`.
 */
export const ANTHROPIC_FILE_SHAPES = {
  'files.create': createOpenAiShape<FileCreateRequest>({
    ...base,
    method: 'POST',
    multipart: ({ file, filename, extra_body: extraBody }) => ({
      fields: convertToFormFields({ ...extraBody }),
      file: { value: typeAnthropicUpload(file, filename), filename },
    }),
    warnings: (request) => [
      `dropped "purpose": Anthropic files have no purpose`,
      ...(request.expires_after === undefined ? [] : [`dropped "expires_after": Anthropic files do not expire`]),
    ],
    readResponse: readFile,
  }),
  'files.retrieve': createIdShape(base, 'GET', [], readFile),
  'files.list': createOpenAiShape<FileListParams>({
    ...base,
    method: 'GET',
    query: (request) => ({ after_id: request.after, limit: request.limit }),
    warnings: (request) => [
      ...(request.order === undefined ? [] : [`dropped "order": Anthropic lists files newest first`]),
      ...(request.purpose === undefined ? [] : [`dropped "purpose": Anthropic files have no purpose to filter by`]),
    ],
    readResponse: readValidated(validateFileListResponse, 'file list', (body) => convertAnthropicPage(body, convertAnthropicFile)),
  }),
  'files.delete': createIdShape(base, 'DELETE', [], readValidated(validateFileDeleteResponse, 'file deletion', convertAnthropicFileDeletion)),
  'files.content': createIdShape(base, 'GET', ['content'], createBinaryResponse, 'binary'),
} satisfies Record<string, WireShape<never>>;
