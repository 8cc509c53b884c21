import { createRandomId } from '../../transport/create-random-id.js';
import type { Middleware } from '../compose.js';
import type { CallContext, Next } from '../../call/call-context.js';
import { systemClock, type Clock } from '../../transport/clock.js';
import { RateLimitedError } from '../../errors/error-classes.js';
import { createAdmissionQueue } from './create-admission-queue.js';
import { createMemoryRateLimitStore } from './create-memory-rate-limit-store.js';
import { estimateRequestTokens, tokensOfCharacters, type TokenEstimate } from '../estimate-request-tokens.js';
import { answersOf } from '../in-memory-store.js';
import { whenAnswered } from '../maybe-promise.js';
import { createStoreGuard } from '../store-guard.js';
import { measureOutputCharacters } from './measure-output-characters.js';
import { normalizeRateLimitOptions, type RateLimitOptions } from './normalize-rate-limit-options.js';
import { observeCall } from '../observe-call.js';
import type { RateLimitAcquireResult, RateLimitKeyRequest, RateLimitStore } from './rate-limit-store.js';
import { resolveRateLimitKeys, withTokens } from './resolve-rate-limit-keys.js';
import { STREAM_OPERATIONS } from '../../call/operation.js';

/** The window of "per minute". */
export const RATE_LIMIT_WINDOW_MS = 60_000;

export interface RateLimitDependencies {
  /** Time for waiting (the store keeps its own clock: Redis uses the server's). */
  readonly clock?: Clock;
  /** Unique ids of store entries. */
  readonly createId?: () => string;
}

/**
 * Requests and tokens per minute, per model (`provider/model`) and per provider, over a sliding
 * window (a log of admitted calls, so no burst at a window edge). Before a call is sent, its
 * tokens are estimated (input characters / 4, plus the request's maximum output or
 * `completionTokens`) and room is taken on every key that applies, atomically; after it, the
 * estimate is replaced by the reported usage (`callInfo(...).usage`; for streams when they end,
 * also early: then by the input estimate plus the text received, characters / 4), and HTTP retries
 * count as requests. In `wait` mode a call without room queues, first come first served per model,
 * up to `maxWaitMs`, its own deadline (`timeoutMs`) or its signal; in `reject` mode it throws
 * `RateLimitedError` (no `status`, `retryAfterMs` from the window). A store that fails or does
 * not answer within `storeTimeoutMs` admits the call with a warning (`onStoreError: 'open'`, the
 * default) or fails it with `StoreUnavailableError` (`'closed'`); recording usage never fails a call.
 *
 * @example
 * const client = createClient({
 *   middleware: [
 *     createRateLimitMiddleware({
 *       rpm: 500, tpm: 200_000,                                   // each model
 *       perModel: { 'groq/llama-3.3-70b-versatile': { rpm: 30 } }, // this model
 *       perProvider: { groq: { tpm: 300_000 } },                  // all groq models together
 *       mode: 'wait', maxWaitMs: 30_000,
 *     }),
 *   ],
 * });
 */
export function createRateLimitMiddleware(options: RateLimitOptions | true, dependencies: RateLimitDependencies = {}): Middleware {
  const normalized = normalizeRateLimitOptions(options);
  const clock = dependencies.clock ?? systemClock;
  const store: RateLimitStore = normalized.store ?? createMemoryRateLimitStore({ clock });
  const createId = dependencies.createId ?? (normalized.store === undefined ? createCounter() : createRandomId);
  const queue = createAdmissionQueue(clock);

  const answers = answersOf(store);
  const guard = createStoreGuard('rateLimit', normalized);

  return function rateLimit(context: CallContext, next) {
    try {
      return limit(context, next);
    } catch (error) {
      return Promise.reject(error);
    }
  };

  function limit(context: CallContext, next: Next): Promise<unknown> {
    const limits = resolveRateLimitKeys(context.route, normalized);
    if (limits.length === 0) return next(context);
    const estimate = estimateRequestTokens(context.operation, context.request, normalized.completionTokens);
    const keys = withTokens(limits, estimate.prompt + estimate.completion);
    const id = createId();
    let sent = false;
    const release = (): void => void reconcile(0, 0, false);
    // A store that fails open admits the call (it is sent unlimited); room taken by an answer that
    // came too late for a call that was not sent is given back.
    const acquire = () =>
      guard.need(context, 'acquire', () => answers.acquire({ id, windowMs: RATE_LIMIT_WINDOW_MS, requests: 1, keys }), ADMITTED, (late) => {
        if (late.admitted && !sent) release();
      });
    const rejection = (retryAfterMs: number, key: string) => createRateLimitedError(context, keys, key, retryAfterMs);
    const reconcile = (requests: number, tokens: number, streamEnded: boolean): void | Promise<void> =>
      whenAnswered(
        guard.record(
          context,
          () =>
            answers.reconcile({
              id,
              windowMs: RATE_LIMIT_WINDOW_MS,
              keys: keys.map((key) => ({
                key: key.key,
                from: { requests: 1, tokens: key.tokens },
                to: { requests, tokens },
              })),
            }),
          (reason) => `rateLimit: usage not recorded (${reason})`,
          streamEnded,
        ),
        () => undefined,
      );

    const admitted =
      normalized.mode === 'reject'
        ? whenAnswered(acquire(), (result) => {
            if (!result.admitted) throw rejection(result.retryAfterMs, result.key);
          })
        : queue.admit(limits[0]?.key ?? '', {
            attempt: acquire,
            deadline: clock.now() + normalized.maxWaitMs,
            signal: context.options.signal,
            callDeadlineAt: context.options.deadlineAt,
            outOfTime: () => outOfTime(context, limits[0]?.key ?? ''),
            tooLong: rejection,
            release,
          });
    return whenAnswered(admitted, () => {
      sent = true;
      return send(context, next, estimate, reconcile);
    }) as Promise<unknown>;
  }

  /** Sends an admitted call, then replaces its estimate by what it used. */
  function send(
    context: CallContext,
    next: Next,
    estimate: TokenEstimate,
    reconcile: (requests: number, tokens: number, streamEnded: boolean) => void | Promise<void>,
  ): Promise<unknown> {
    const { info } = context;
    const usageBefore = info.usage;
    const attemptsBefore = info.attempts;
    const settle = (outputCharacters: number | undefined, streamEnded: boolean): void | Promise<void> => {
      const requests = Math.max(1, info.attempts - attemptsBefore);
      const usage = info.usage !== usageBefore ? info.usage : undefined;
      const reported = usage === undefined ? undefined : (usage.total_tokens ?? (usage.prompt_tokens ?? 0) + (usage.completion_tokens ?? 0));
      const tokens = reported ?? (outputCharacters === undefined ? estimate.prompt + estimate.completion : estimate.prompt + tokensOfCharacters(outputCharacters));
      return reconcile(requests, Math.ceil(tokens), streamEnded);
    };

    let characters = 0;
    return observeCall(() => next(context), STREAM_OPERATIONS.has(context.operation), {
      onItem: (item) => {
        characters += measureOutputCharacters(item);
      },
      onEnd: (end) => {
        if (end.status !== 'returned') return settle(characters, end.status !== 'rejected');
        return settle(info.usage !== usageBefore ? undefined : measureOutputCharacters(end.result), false);
      },
    });
  }
}

const ADMITTED: RateLimitAcquireResult = { admitted: true };

/** A call whose own deadline passed while it waited for room: nothing was sent. */
function outOfTime(context: CallContext, key: string): RateLimitedError {
  return new RateLimitedError(
    `rate limit of ${key.startsWith('provider:') ? 'provider' : 'model'} ${key.replace(/^(model|provider):/, '')}: no room before the call's timeoutMs of ${context.options.timeoutMs} ms ran out; no request was sent`,
    { provider: context.route.provider.id, model: context.route.model, retryable: true },
  );
}

function createRateLimitedError(context: CallContext, keys: readonly RateLimitKeyRequest[], blocking: string, retryAfterMs: number): RateLimitedError {
  const limit = keys.find((key) => key.key === blocking);
  const numbers = [limit?.rpm === undefined ? '' : `rpm ${limit.rpm}`, limit?.tpm === undefined ? '' : `tpm ${limit.tpm}`].filter(Boolean).join(', ');
  const name = blocking.replace(/^(model|provider):/, '');
  return new RateLimitedError(
    `rate limit of ${blocking.startsWith('provider:') ? 'provider' : 'model'} ${name} reached (${numbers}); room in ${retryAfterMs} ms`,
    { provider: context.route.provider.id, model: context.route.model, retryAfterMs, retryable: true },
  );
}

/**
 * Ids for this client's own in-memory store, which no other client shares: a counter is unique
 * there, and far cheaper than a UUID (whose string building was a tenth of this layer's garbage).
 */
function createCounter(): () => string {
  let count = 0;
  return () => String((count += 1));
}
