import type { Usage } from '../../../generated/types/index.js';
import type { AssembledChatStream } from '../../streaming/assembled-chat-stream.js';

/** What the cache layer stores per key: the result plus what `callInfo` reports on a hit. */
export type CacheEntry =
  | (CacheEntryBase & { readonly kind: 'response'; readonly value: object })
  | (CacheEntryBase & { readonly kind: 'stream'; readonly value: AssembledChatStream });

interface CacheEntryBase {
  readonly version: 1;
  /** The provider and model that served the stored result. */
  readonly provider: string;
  readonly model: string;
  readonly usage?: Usage;
}

/** A stored value as an entry of `kind`, or undefined when it is not one (another version, foreign data). */
export function parseCacheEntry(value: unknown, kind: CacheEntry['kind']): CacheEntry | undefined {
  if (value === null || typeof value !== 'object') return undefined;
  const record = value as Record<string, unknown>;
  if (record.version !== 1 || record.kind !== kind) return undefined;
  if (typeof record.provider !== 'string' || typeof record.model !== 'string') return undefined;
  if (record.value === null || typeof record.value !== 'object') return undefined;
  if (kind === 'stream' && !Array.isArray((record.value as Record<string, unknown>).choices)) return undefined;
  return value as CacheEntry;
}
