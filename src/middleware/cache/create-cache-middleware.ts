import type { ChatCompletionChunk } from '../../../generated/types/index.js';
import type { CallInfoRecord } from '../../call/call-info.js';
import { systemClock, type Clock } from '../../transport/clock.js';
import type { CallContext, Next } from '../../call/call-context.js';
import type { Middleware } from '../compose.js';
import { startCall } from '../observe-call.js';
import type { Operation } from '../../call/operation.js';
import { parseCacheEntry, type CacheEntry } from './cache-entry.js';
import type { CacheStore } from './cache-store.js';
import { convertAssembledChatStreamToChunks } from '../../streaming/convert-assembled-chat-stream-to-chunks.js';
import { createCacheKey } from './create-cache-key.js';
import { createCacheScope, type AliasRoutes } from './create-cache-scope.js';
import { createChatStreamAccumulator } from '../../streaming/create-chat-stream-accumulator.js';
import { createMemoryCacheStore } from './create-memory-cache-store.js';
import { normalizeCacheOptions, type CacheOptions } from './normalize-cache-options.js';
import { createStoreGuard } from '../store-guard.js';
import { answersOf } from '../in-memory-store.js';

export interface CacheDependencies {
  /** Time for entry expiry in the built-in store and for `firstChunkMs` of replays. */
  readonly clock?: Clock;
  /** The deployments of a router alias, so an alias is scoped by their credentials (else it bypasses the cache). */
  readonly aliasRoutes?: AliasRoutes;
}

/**
 * Serves repeated `chat` and `embed` calls (and `chatStream` calls with `streams: true`) from a
 * cache keyed by the SHA-256 of the canonical request and its scope (see `createCacheKey`), for
 * `ttlMs`.
 *
 * - `scope: 'credential'` (the default): the key also holds the provider id, the effective base
 *   URL, a SHA-256 of every credential the call sends (API key, key headers, AWS keys, Azure and
 *   Vertex token identity) and of every header set on the client, the provider and the call, so
 *   one tenant (or a revoked key) never gets another's answer, in memory or in Redis alike.
 *   `scope: 'shared'` shares entries across credentials and headers, still per provider and base
 *   URL. A router alias is scoped by all its deployments; a route the layer cannot tell bypasses.
 * - `callInfo(result).cache` is `hit`, `miss` or `bypass` (other operations, `streams` off, a
 *   request that is not plain data, or the per-call option `cache: false`, which neither reads nor
 *   writes). A hit reports the provider, model and usage of the stored call, `attempts: 0` and
 *   `costUsd: 0` (nothing was sent or spent), and returns a fresh copy each time.
 * - Only successes are stored; a stream only once it ended cleanly (not after an error or a
 *   `break`). A stream passes through chunk by chunk while it is assembled (text, tool calls by
 *   index, finish reason, usage); a hit replays it as role, content, tool-call, finish and usage
 *   chunks. Streams carrying what a replay would lose (log probabilities) are not stored.
 * - A failing store never fails a call: a read that fails or takes longer than `storeTimeoutMs`
 *   (default 500; the call's deadline and signal also end the wait) counts as a miss, a write is
 *   skipped; each adds a warning. With `onStoreError: 'closed'` a failed read fails the call with
 *   `StoreUnavailableError` instead, before anything is sent.
 * - Two identical calls in flight at once are both sent upstream (no coalescing: each keeps its
 *   own signal, timeout and error); the later to finish overwrites the entry with an equal result.
 *
 * @example
 * const client = createClient({
 *   providers: { groq: { apiKey: 'k' } },
 *   middleware: [createCacheMiddleware({ ttlMs: 60_000, streams: true })],
 * });
 * await client.chat(request);
 * callInfo(await client.chat(request)).cache; // 'hit'
 * await client.chat(request, { cache: false }); // sent again, the entry is untouched
 */
export function createCacheMiddleware(options: CacheOptions | true = true, dependencies: CacheDependencies = {}): Middleware {
  const normalized = normalizeCacheOptions(options);
  const clock = dependencies.clock ?? systemClock;
  const store: CacheStore = normalized.store ?? createMemoryCacheStore({ maxEntries: normalized.maxEntries, clock });
  const cachedOperations = new Set<Operation>(normalized.streams ? ['chat', 'embed', 'chatStream'] : ['chat', 'embed']);

  const answers = answersOf(store);
  const guard = createStoreGuard('cache', normalized);
  const read = async (context: CallContext, key: string, kind: CacheEntry['kind']): Promise<CacheEntry | undefined> =>
    // A failing store reads as a miss (or fails the call with onStoreError 'closed').
    parseCacheEntry(await guard.need(context, 'get', () => answers.get(key), undefined), kind);
  const write = async (context: CallContext, key: string, entry: CacheEntry, streamEnded: boolean): Promise<void> => {
    // A cache that cannot be written degrades to misses; the call itself succeeded.
    await guard.record(context, () => answers.set(key, entry, normalized.ttlMs), (reason) => `cache: store set failed (${reason}); the answer was not stored`, streamEnded);
  };
  const entryOf = <K extends CacheEntry['kind']>(kind: K, value: Extract<CacheEntry, { kind: K }>['value'], info: CallInfoRecord): CacheEntry =>
    ({
      version: 1,
      kind,
      value,
      provider: info.provider,
      model: info.model,
      ...(info.usage === undefined ? {} : { usage: structuredClone(info.usage) }),
    }) as CacheEntry;

  async function* recordStream(stream: AsyncIterable<ChatCompletionChunk>, key: string, context: CallContext): AsyncGenerator<ChatCompletionChunk> {
    const accumulator = createChatStreamAccumulator();
    for await (const chunk of stream) {
      accumulator.add(chunk);
      yield chunk;
    }
    // Reached only when the stream ended cleanly: an error or a consumer's break leaves before.
    if (accumulator.replayable) await write(context, key, entryOf('stream', accumulator.result(), context.info), true);
  }

  async function* replayStream(chunks: readonly ChatCompletionChunk[], info: CallInfoRecord, startedAt: number): AsyncGenerator<ChatCompletionChunk> {
    for (const chunk of chunks) {
      info.firstChunkMs ??= clock.now() - startedAt;
      yield chunk;
    }
  }

  return function cacheMiddleware(context, next) {
    if (cachedOperations.has(context.operation) && context.options.cache !== false) return cached(context, next);
    // Bypassed: no key, no store, no await.
    context.info.cache = 'bypass';
    return startCall(() => next(context));
  };

  async function cached(context: CallContext, next: Next): Promise<unknown> {
    const { operation, info } = context;
    const startedAt = clock.now();
    const scope = await createCacheScope(context, normalized.scope, dependencies.aliasRoutes);
    const key = scope === undefined ? undefined : await createCacheKey(operation, context.request, scope);
    if (key === undefined) {
      info.cache = 'bypass';
      return next(context);
    }
    const kind = operation === 'chatStream' ? 'stream' : 'response';
    const entry = await read(context, key, kind);
    if (entry !== undefined) {
      info.cache = 'hit';
      info.provider = entry.provider;
      info.model = entry.model;
      info.usage = entry.usage === undefined ? undefined : structuredClone(entry.usage);
      info.costUsd = 0;
      if (entry.kind === 'stream') return replayStream(convertAssembledChatStreamToChunks(structuredClone(entry.value)), info, startedAt);
      return structuredClone(entry.value);
    }
    info.cache = 'miss';
    const result = await next(context);
    if (kind === 'stream') return recordStream(result as AsyncIterable<ChatCompletionChunk>, key, context);
    if (result !== null && typeof result === 'object') await write(context, key, entryOf('response', structuredClone(result), info), false);
    return result;
  }
}
