import { systemClock, type Clock } from '../clock.js';
import type { RateLimitKeyRequest, RateLimitStore } from './rate-limit-store.js';

interface Entry {
  readonly id: string;
  readonly at: number;
  requests: number;
  tokens: number;
}

interface KeyLog {
  /** Oldest first. */
  readonly entries: Entry[];
  /** The entries by call id, so `reconcile` does not scan a window that may hold thousands. */
  readonly byId: Map<string, Entry>;
  requests: number;
  tokens: number;
}

export interface MemoryRateLimitStoreOptions {
  readonly clock?: Clock;
}

/**
 * The in-process rate-limit store: a sliding log per key with running totals. Acquire runs in one
 * synchronous step, so concurrent calls in this process cannot both take the last slot. Keys whose
 * window is empty are dropped, so memory follows the traffic of the last window only.
 *
 * @example
 * const store = createMemoryRateLimitStore();
 * const client = createClient({ middleware: [createRateLimitMiddleware({ rpm: 60, store })] });
 */
export function createMemoryRateLimitStore(options: MemoryRateLimitStoreOptions = {}): RateLimitStore {
  const clock = options.clock ?? systemClock;
  const logs = new Map<string, KeyLog>();

  const prune = (key: string, now: number, windowMs: number): KeyLog => {
    let log = logs.get(key);
    if (log === undefined) {
      log = { entries: [], byId: new Map(), requests: 0, tokens: 0 };
      logs.set(key, log);
    }
    let expired = 0;
    for (const entry of log.entries) {
      if (entry.at > now - windowMs) break;
      log.requests -= entry.requests;
      log.tokens -= entry.tokens;
      if (log.byId.get(entry.id) === entry) log.byId.delete(entry.id);
      expired += 1;
    }
    if (expired > 0) log.entries.splice(0, expired);
    return log;
  };

  const fits = (limit: RateLimitKeyRequest, requests: number, usedRequests: number, usedTokens: number): boolean =>
    (limit.rpm === undefined || usedRequests + requests <= limit.rpm) && (limit.tpm === undefined || usedTokens + limit.tokens <= limit.tpm);

  return {
    async acquire({ id, windowMs, requests, keys }) {
      const now = clock.now();
      let wait = 0;
      let blocking = '';
      const checked = keys.map((limit) => ({ limit, log: prune(limit.key, now, windowMs) }));
      for (const { limit, log } of checked) {
        if (fits(limit, requests, log.requests, log.tokens)) continue;
        let usedRequests = log.requests;
        let usedTokens = log.tokens;
        let freeAt = now + windowMs;
        for (const entry of log.entries) {
          usedRequests -= entry.requests;
          usedTokens -= entry.tokens;
          if (fits(limit, requests, usedRequests, usedTokens)) {
            freeAt = entry.at + windowMs;
            break;
          }
        }
        if (freeAt - now > wait) {
          wait = freeAt - now;
          blocking = limit.key;
        }
      }
      if (wait > 0) {
        for (const { log, limit } of checked) if (log.entries.length === 0) logs.delete(limit.key);
        return { admitted: false, retryAfterMs: wait, key: blocking };
      }
      for (const { limit, log } of checked) {
        const entry = { id, at: now, requests, tokens: limit.tokens };
        log.entries.push(entry);
        if (!log.byId.has(id)) log.byId.set(id, entry);
        log.requests += requests;
        log.tokens += limit.tokens;
      }
      return { admitted: true };
    },

    async reconcile({ id, windowMs, keys }) {
      const now = clock.now();
      for (const change of keys) {
        const log = prune(change.key, now, windowMs);
        const entry = log.byId.get(id);
        if (entry !== undefined) {
          log.requests += change.to.requests - entry.requests;
          log.tokens += change.to.tokens - entry.tokens;
          entry.requests = change.to.requests;
          entry.tokens = change.to.tokens;
          continue;
        }
        const requests = Math.max(0, change.to.requests - change.from.requests);
        const tokens = Math.max(0, change.to.tokens - change.from.tokens);
        if (requests > 0 || tokens > 0) {
          const late = { id: `${id}:late`, at: now, requests, tokens };
          log.entries.push(late);
          if (!log.byId.has(late.id)) log.byId.set(late.id, late);
          log.requests += requests;
          log.tokens += tokens;
        } else if (log.entries.length === 0) {
          logs.delete(change.key);
        }
      }
    },
  };
}
