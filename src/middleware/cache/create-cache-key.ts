import type { Operation } from '../../call/operation.js';
import { convertToCanonicalJson } from './convert-to-canonical-json.js';

/** Bumped when the key recipe or the stored entry shape changes, so old entries are never read. */
const KEY_VERSION = 'liter-llm-cache-v1';

/**
 * The cache key of a call: the hex SHA-256 (Web Crypto) of the canonical JSON of the operation and
 * the whole request (the model as the caller wrote it, messages, every parameter). Per-call
 * options (headers, signal, timeouts, retries, tags) are not part of the request, so they never
 * split the cache. Undefined when the request is not plain data and so cannot be cached.
 */
export async function createCacheKey(operation: Operation, request: unknown): Promise<string | undefined> {
  const canonical = convertToCanonicalJson([KEY_VERSION, operation, request]);
  if (canonical === undefined) return undefined;
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
