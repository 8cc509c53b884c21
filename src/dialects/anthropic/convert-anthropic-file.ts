import { isRecord } from '../shared/is-record.js';
import { parseAnthropicTime } from './parse-anthropic-time.js';

/**
 * Anthropic's file metadata (`{ id, type: 'file', filename, mime_type, size_bytes, created_at,
 * downloadable }`) as OpenAI's `FileObject`: `size_bytes` becomes `bytes`, `created_at` (RFC 3339)
 * Unix seconds; `mime_type` and `downloadable` are kept. Anthropic files have no `purpose`. Anything
 * else (an error body sent with a 2xx) is returned as it came, for the validator to judge.
 */
export function convertAnthropicFile(body: unknown): unknown {
  if (!isRecord(body) || body.type !== 'file') return body;
  const { type: _type, size_bytes: sizeBytes, created_at: createdAt, ...rest } = body;
  const created = parseAnthropicTime(createdAt);
  return {
    ...rest,
    object: 'file',
    bytes: typeof sizeBytes === 'number' ? sizeBytes : null,
    ...(created === null ? {} : { created_at: created }),
  };
}
