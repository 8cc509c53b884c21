import { systemClock, type Clock } from '../../transport/clock.js';
import { createInMemoryStore } from '../in-memory-store.js';
import type { RateLimitKeyRequest, RateLimitStore } from './rate-limit-store.js';

/**
 * One key's sliding log, oldest first, as parallel arrays from `head` on (the slots before it
 * have left the window and are dropped in batches). A window can hold every call of the last
 * minute, tens of thousands at a busy client's rate: an object per entry, and a map of every id
 * ever admitted, made the log several hundred bytes per call and the garbage collector's largest
 * load in a full middleware stack. Numbers in arrays cost a few words per call, and only calls
 * still waiting for `reconcile` keep their id.
 */
interface KeyLog {
  readonly at: number[];
  readonly requests: number[];
  readonly tokens: number[];
  /** The call's id while its estimate awaits `reconcile`; undefined after, and for late entries. */
  readonly ids: Array<string | undefined>;
  /** Index of the oldest entry still in the window. */
  head: number;
  /** Absolute position (`offset + index`) of each call awaiting `reconcile`, so it is found without a scan. */
  readonly pending: Map<string, number>;
  /** Entries dropped from the front of the arrays so far: index = position - offset. */
  offset: number;
  requestsTotal: number;
  tokensTotal: number;
}

export interface MemoryRateLimitStoreOptions {
  readonly clock?: Clock;
}

/** Dropped slots are cut from the arrays once they are this many and half of them. */
const COMPACT_AFTER = 1024;

/**
 * The in-process rate-limit store: a sliding log per key with running totals. Acquire runs in one
 * synchronous step, so concurrent calls in this process cannot both take the last slot. Keys whose
 * window is empty are dropped, so memory follows the traffic of the last window only. Each call is
 * reconciled once, as the middleware does (and as the Redis store expects): its entry is updated
 * in place, or, when it has left the window, any increase is recorded as a new entry.
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
      log = { at: [], requests: [], tokens: [], ids: [], head: 0, pending: new Map(), offset: 0, requestsTotal: 0, tokensTotal: 0 };
      logs.set(key, log);
    }
    const oldest = now - windowMs;
    let head = log.head;
    while (head < log.at.length && (log.at[head] as number) <= oldest) {
      log.requestsTotal -= log.requests[head] as number;
      log.tokensTotal -= log.tokens[head] as number;
      const id = log.ids[head];
      // A call still in flight after a whole window: its reconcile records a late entry instead.
      if (id !== undefined && log.pending.get(id) === log.offset + head) log.pending.delete(id);
      head += 1;
    }
    log.head = head;
    if (head === log.at.length) {
      clear(log);
    } else if (head >= COMPACT_AFTER && head * 2 >= log.at.length) {
      for (const column of [log.at, log.requests, log.tokens, log.ids] as unknown[][]) column.splice(0, head);
      log.offset += head;
      log.head = 0;
    }
    return log;
  };

  const clear = (log: KeyLog): void => {
    log.offset += log.at.length;
    log.at.length = 0;
    log.requests.length = 0;
    log.tokens.length = 0;
    log.ids.length = 0;
    log.head = 0;
  };

  const push = (log: KeyLog, at: number, requests: number, tokens: number, id: string | undefined): void => {
    if (id !== undefined && !log.pending.has(id)) log.pending.set(id, log.offset + log.at.length);
    log.at.push(at);
    log.requests.push(requests);
    log.tokens.push(tokens);
    log.ids.push(id);
    log.requestsTotal += requests;
    log.tokensTotal += tokens;
  };

  const size = (log: KeyLog): number => log.at.length - log.head;

  const fits = (limit: RateLimitKeyRequest, requests: number, usedRequests: number, usedTokens: number): boolean =>
    (limit.rpm === undefined || usedRequests + requests <= limit.rpm) && (limit.tpm === undefined || usedTokens + limit.tokens <= limit.tpm);

  return createInMemoryStore<RateLimitStore>({
    acquire({ id, windowMs, requests, keys }) {
      const now = clock.now();
      let wait = 0;
      let blocking = '';
      const checked = keys.map((limit) => prune(limit.key, now, windowMs));
      keys.forEach((limit, index) => {
        const log = checked[index] as KeyLog;
        if (fits(limit, requests, log.requestsTotal, log.tokensTotal)) return;
        let usedRequests = log.requestsTotal;
        let usedTokens = log.tokensTotal;
        let freeAt = now + windowMs;
        for (let entry = log.head; entry < log.at.length; entry += 1) {
          usedRequests -= log.requests[entry] as number;
          usedTokens -= log.tokens[entry] as number;
          if (fits(limit, requests, usedRequests, usedTokens)) {
            freeAt = (log.at[entry] as number) + windowMs;
            break;
          }
        }
        if (freeAt - now > wait) {
          wait = freeAt - now;
          blocking = limit.key;
        }
      });
      if (wait > 0) {
        keys.forEach((limit, index) => {
          const log = checked[index] as KeyLog;
          if (size(log) === 0 && log.pending.size === 0) logs.delete(limit.key);
        });
        return { admitted: false, retryAfterMs: wait, key: blocking };
      }
      keys.forEach((limit, index) => push(checked[index] as KeyLog, now, requests, limit.tokens, id));
      return { admitted: true };
    },

    reconcile({ id, windowMs, keys }) {
      const now = clock.now();
      for (const change of keys) {
        const log = prune(change.key, now, windowMs);
        const position = log.pending.get(id);
        if (position !== undefined) {
          log.pending.delete(id);
          const index = position - log.offset;
          log.requestsTotal += change.to.requests - (log.requests[index] as number);
          log.tokensTotal += change.to.tokens - (log.tokens[index] as number);
          log.requests[index] = change.to.requests;
          log.tokens[index] = change.to.tokens;
          log.ids[index] = undefined;
          continue;
        }
        const requests = Math.max(0, change.to.requests - change.from.requests);
        const tokens = Math.max(0, change.to.tokens - change.from.tokens);
        if (requests > 0 || tokens > 0) {
          push(log, now, requests, tokens, undefined);
        } else if (size(log) === 0 && log.pending.size === 0) {
          logs.delete(change.key);
        }
      }
    },
  });

}
