import type { FileCreateRequest, FileListParams } from '../../../generated/types/index.js';
import { validateFileDeleteResponse } from '../../../generated/validators/file-delete-response.js';
import { validateFileListResponse } from '../../../generated/validators/file-list-response.js';
import { validateFileObject } from '../../../generated/validators/file-object.js';
import { convertToFormFields } from '../convert-to-form-fields.js';
import { createBinaryResponse } from '../create-binary-response.js';
import { resolveEndpointPath } from '../resolve-endpoint-path.js';
import type { EndpointOperation } from '../endpoint-operation.js';
import { parseEndpointBody } from '../parse-endpoint-body.js';

/** The request of the file methods that take an id. */
export interface FileIdRequest {
  readonly file_id: string;
}

const FILES = '/files';

/** `files.create`: `POST /files`, a multipart upload with `purpose`. */
export const createFileOperation: EndpointOperation<FileCreateRequest> = {
  endpoint: 'files',
  openAi: {
    buildRequest(request, route) {
      const { file, filename, extra_body: extraBody, ...fields } = request;
      return {
        method: 'POST',
        path: resolveEndpointPath(route, 'files', FILES),
        body: {
          kind: 'multipart',
          fields: convertToFormFields({ ...fields, ...extraBody }),
          file: { value: file, filename },
        },
        response: 'json',
      };
    },
    readResponse: (sent, context) => parseEndpointBody(sent.body, context.route, validateFileObject, 'file'),
  },
};

/** `files.retrieve`: `GET /files/{file_id}`. */
export const retrieveFileOperation: EndpointOperation<FileIdRequest> = {
  endpoint: 'files',
  openAi: {
    buildRequest: (request, route) => ({
      method: 'GET',
      path: resolveEndpointPath(route, 'files', FILES, request.file_id),
      response: 'json',
    }),
    readResponse: (sent, context) => parseEndpointBody(sent.body, context.route, validateFileObject, 'file'),
  },
};

/** `files.list`: `GET /files?after=&limit=&order=&purpose=`. */
export const listFilesOperation: EndpointOperation<FileListParams> = {
  endpoint: 'files',
  openAi: {
    buildRequest: (request, route) => ({
      method: 'GET',
      path: resolveEndpointPath(route, 'files', FILES),
      query: { after: request.after, limit: request.limit, order: request.order, purpose: request.purpose },
      response: 'json',
    }),
    readResponse: (sent, context) => parseEndpointBody(sent.body, context.route, validateFileListResponse, 'file list'),
  },
};

/** `files.delete`: `DELETE /files/{file_id}`. */
export const deleteFileOperation: EndpointOperation<FileIdRequest> = {
  endpoint: 'files',
  openAi: {
    buildRequest: (request, route) => ({
      method: 'DELETE',
      path: resolveEndpointPath(route, 'files', FILES, request.file_id),
      response: 'json',
    }),
    readResponse: (sent, context) =>
      parseEndpointBody(sent.body, context.route, validateFileDeleteResponse, 'file deletion'),
  },
};

/** `files.content`: `GET /files/{file_id}/content`, streamed as a `BinaryResponse`. */
export const fileContentOperation: EndpointOperation<FileIdRequest> = {
  endpoint: 'files',
  openAi: {
    buildRequest: (request, route) => ({
      method: 'GET',
      path: resolveEndpointPath(route, 'files', FILES, request.file_id, 'content'),
      response: 'binary',
    }),
    readResponse: createBinaryResponse,
  },
};
