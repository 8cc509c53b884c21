import type { Operation } from '../../call/operation.js';
import { computeSha256Hex } from '../../routing/compute-sha256-hex.js';
import { convertToCanonicalJson } from './convert-to-canonical-json.js';

/**
 * Bumped when the key recipe or the stored entry shape changes, so old entries are never read
 * (v1 keys named no credentials: reading them could serve one tenant's answer to another).
 */
const KEY_VERSION = 'liter-llm-cache-v2';

/**
 * The cache key of a call: the hex SHA-256 (Web Crypto) of the canonical JSON of the operation,
 * the whole request (the model as the caller wrote it, messages, every parameter) and `scope`,
 * what separates callers (see `createCacheScope`: provider, base URL, credential digests,
 * per-call headers), so secrets in it are hashed and never stored. Other per-call options
 * (signal, timeouts, retries, tags) are not part of it. Undefined when the request is not plain
 * data and so cannot be cached.
 */
export async function createCacheKey(operation: Operation, request: unknown, scope: unknown = null): Promise<string | undefined> {
  const canonical = convertToCanonicalJson([KEY_VERSION, operation, request, scope]);
  if (canonical === undefined) return undefined;
  return computeSha256Hex(canonical);
}
