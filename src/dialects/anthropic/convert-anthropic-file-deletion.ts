import { isRecord } from '../shared/is-record.js';

/** `DELETE /v1/files/{id}` (`{ id, type: 'file_deleted' }`) as OpenAI's `{ id, object: 'file', deleted: true }`. */
export function convertAnthropicFileDeletion(body: unknown): unknown {
  if (!isRecord(body) || typeof body.type !== 'string') return body;
  return { id: body.id, object: 'file', deleted: body.type === 'file_deleted' };
}
