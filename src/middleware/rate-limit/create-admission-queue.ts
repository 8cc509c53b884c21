import { AbortedError } from '../../errors/error-classes.js';
import type { Clock } from '../../transport/clock.js';
import { isThenable, type MaybePromise } from '../maybe-promise.js';
import type { RateLimitAcquireResult } from './rate-limit-store.js';

/** `Answer`: what the store's `attempt` returns; a promise unless the store answers at once. */
export interface AdmissionRequest<Answer extends MaybePromise<RateLimitAcquireResult> = Promise<RateLimitAcquireResult>> {
  /** One try at taking room in the store. */
  readonly attempt: () => Answer;
  /** Clock time after which the call gives up. */
  readonly deadline: number;
  readonly signal: AbortSignal | undefined;
  /**
   * When the call itself must have settled (epoch ms, real time: `deadlineAt`): a call still
   * waiting then, at the head of its queue or behind it, leaves with `outOfTime()`.
   */
  readonly callDeadlineAt?: number | undefined;
  readonly outOfTime?: (() => Error) | undefined;
  /** The error for a call that would wait past its deadline. */
  readonly tooLong: (retryAfterMs: number, key: string) => Error;
  /** Gives back room taken for a call that was aborted while the store answered. */
  readonly release: () => void;
}

/** Calls waiting for room, first come first served per queue key. */
export interface AdmissionQueue {
  /**
   * Resolves once the call holds room in the store; rejects when it would wait too long or is
   * aborted. Returns nothing when a store that answers at once admitted the call at once.
   */
  admit<Answer extends MaybePromise<RateLimitAcquireResult>>(
    queueKey: string,
    request: AdmissionRequest<Answer>,
  ): Answer extends PromiseLike<unknown> ? Promise<void> : void | Promise<void>;
}

type AnyRequest = AdmissionRequest<MaybePromise<RateLimitAcquireResult>>;

interface Waiter {
  readonly request: AnyRequest;
  settled: boolean;
  resolve(): void;
  reject(error: unknown): void;
  /** Ends the head's sleep until the store has room, once the waiter left (aborted, out of time). */
  wake: (() => void) | undefined;
  /**
   * Starts the timer of the call's deadline: only once the call really waits (behind others, or
   * for room), so a call admitted at once costs no timer.
   */
  arm(): void;
}

/**
 * `wait` mode: one FIFO per queue key (a model). Only the head of a queue asks the store; it
 * sleeps the store's `retryAfterMs` and tries again, so later calls never overtake it and a
 * waiting queue costs one store request per retry, not one per waiter. A waiter whose signal
 * aborts or whose call runs out of time (`callDeadlineAt`) leaves at once, wherever it is in the
 * queue; a head that cannot get room before its deadline is rejected then, without waiting for
 * nothing. Queues exist only while they have waiters.
 */
export function createAdmissionQueue(clock: Clock): AdmissionQueue {
  const queues = new Map<string, Waiter[]>();

  /** Serves a queue until it is empty; `known` is the head's first answer when it already asked. */
  const run = async (queueKey: string, waiters: Waiter[], known?: RateLimitAcquireResult): Promise<void> => {
    try {
      while (waiters.length > 0) {
        const head = waiters[0] as Waiter;
        if (head.settled) {
          waiters.shift();
          continue;
        }
        let result: RateLimitAcquireResult;
        if (known !== undefined) {
          result = known;
          known = undefined;
        } else {
          try {
            result = await head.request.attempt();
          } catch (error) {
            settle(head, error);
            continue;
          }
        }
        if (head.settled) {
          // Aborted while the store answered: nobody will use the room it took.
          if (result.admitted) head.request.release();
          continue;
        }
        if (result.admitted) {
          settle(head);
          continue;
        }
        if (clock.now() + result.retryAfterMs > head.request.deadline) {
          settle(head, head.request.tooLong(result.retryAfterMs, result.key));
          continue;
        }
        head.arm();
        const sleeping = new AbortController();
        head.wake = () => sleeping.abort();
        await clock.sleep(result.retryAfterMs, sleeping.signal).catch(() => undefined);
        head.wake = undefined;
      }
    } finally {
      queues.delete(queueKey);
    }
  };

  /** Lets the calls that queued behind a finished head go on, or forgets the queue. */
  const handOver = (queueKey: string, waiters: Waiter[]): void => {
    if (waiters.length > 0) void run(queueKey, waiters);
    else queues.delete(queueKey);
  };

  /**
   * A call that finds its queue empty: most calls, whenever there is room. It holds the queue
   * while it asks the store, so later calls still wait behind it (first come first served with
   * an async store too), but it needs no waiter, promise or queue loop of its own unless there is
   * no room, when it becomes the head of the queue with the answer it already has.
   */
  const admitFirst = (queueKey: string, request: AnyRequest): void | Promise<void> => {
    const waiters: Waiter[] = [];
    queues.set(queueKey, waiters);
    const queueBehind = (known: RateLimitAcquireResult): Promise<void> =>
      new Promise<void>((resolve, reject) => {
        waiters.unshift(createWaiter(request, resolve, reject));
        void run(queueKey, waiters, known);
      });
    let answer: MaybePromise<RateLimitAcquireResult>;
    try {
      answer = request.attempt();
    } catch (error) {
      handOver(queueKey, waiters);
      return Promise.reject(error);
    }
    // An in-memory store answered at once: no other call can have queued meanwhile.
    if (!isThenable(answer)) {
      if (!answer.admitted) return queueBehind(answer);
      handOver(queueKey, waiters);
      return undefined;
    }
    return answer.then(
      (result) => {
        if (!result.admitted) return queueBehind(result);
        handOver(queueKey, waiters);
        return undefined;
      },
      (error: unknown) => {
        handOver(queueKey, waiters);
        throw error;
      },
    );
  };

  const admit = (queueKey: string, request: AnyRequest): void | Promise<void> => {
    // With a signal, a call must be able to leave while the store answers: the full path.
    if (request.signal === undefined && !queues.has(queueKey)) return admitFirst(queueKey, request);
    return new Promise<void>((resolve, reject) => {
      if (request.signal?.aborted) {
        reject(aborted(request.signal));
        return;
      }
      const waiter = createWaiter(request, resolve, reject);
      const waiters = queues.get(queueKey);
      if (waiters !== undefined) {
        waiter.arm();
        waiters.push(waiter);
        return;
      }
      const fresh = [waiter];
      queues.set(queueKey, fresh);
      void run(queueKey, fresh);
    });
  };
  // The answer is a promise whenever the store's is (the type says so to callers that need one).
  return { admit } as AdmissionQueue;
}

/** A waiter that leaves when its signal aborts or its call's deadline passes, and cleans up after either. */
function createWaiter(request: AnyRequest, resolve: () => void, reject: (error: unknown) => void): Waiter {
  const { signal, callDeadlineAt } = request;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const waiter: Waiter = {
    request,
    settled: false,
    resolve,
    reject,
    wake: undefined,
    arm() {
      if (timer !== undefined || callDeadlineAt === undefined || waiter.settled) return;
      const outOfTime = (): void => settle(waiter, request.outOfTime?.() ?? new Error('the call ran out of time waiting for a rate limit'));
      timer = setTimeout(outOfTime, Math.max(0, callDeadlineAt - Date.now()));
    },
  };
  if (signal === undefined && callDeadlineAt === undefined) return waiter;
  const onAbort = (): void => settle(waiter, aborted(signal));
  signal?.addEventListener('abort', onAbort, { once: true });
  const cleanUp = (): void => {
    signal?.removeEventListener('abort', onAbort);
    if (timer !== undefined) clearTimeout(timer);
  };
  waiter.resolve = () => {
    cleanUp();
    resolve();
  };
  waiter.reject = (error) => {
    cleanUp();
    reject(error);
  };
  return waiter;
}

function aborted(signal: AbortSignal | undefined): AbortedError {
  return new AbortedError('the call was aborted while waiting for a rate limit', { cause: signal?.reason });
}

function settle(waiter: Waiter, error?: unknown): void {
  if (waiter.settled) return;
  waiter.settled = true;
  waiter.wake?.();
  if (error === undefined) waiter.resolve();
  else waiter.reject(error);
}
