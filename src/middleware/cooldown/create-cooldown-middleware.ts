import { createRandomId } from '../../transport/create-random-id.js';
import { ServiceUnavailableError } from '../../errors/error-classes.js';
import { systemClock, type Clock } from '../../transport/clock.js';
import type { Middleware } from '../compose.js';
import type { CallContext } from '../../call/call-context.js';
import { createMemoryCooldownStore } from './create-memory-cooldown-store.js';
import { deploymentName } from './deployment-name.js';
import { isDeploymentFailure } from './is-deployment-failure.js';
import { normalizeCooldownOptions, type CooldownOptions } from './normalize-cooldown-options.js';
import { answersOf } from '../in-memory-store.js';
import { whenAnswered, type MaybePromise } from '../maybe-promise.js';
import { createStoreGuard } from '../store-guard.js';
import { observeCall, startCall } from '../observe-call.js';
import { STREAM_OPERATIONS } from '../../call/operation.js';

export interface CooldownDependencies {
  /** Time for the default memory store and for the recovery time in messages. */
  readonly clock?: Clock;
  /** Unique ids of recorded failures. */
  readonly createId?: () => string;
}

/**
 * Takes a failing deployment (`provider/model` of the route) out of service for a while: after
 * `failures` retryable failures (429, 500, 502-504, timeouts, network errors, broken streams)
 * within `windowMs`, calls to it fail fast for `durationMs` with a retryable
 * `ServiceUnavailableError` that names it and says when it recovers, and no request is sent.
 * Client-caused errors never count, and a success clears the count. A stream counts as a failure
 * when it fails before its first chunk or mid-way, and as a success when it ends or the consumer
 * stops it after a chunk. Placed inside `fallback` and the router, it sees every route they try,
 * so each deployment that fails along a fallback path is cooled and skipped next time. A store
 * that fails or does not answer within `storeTimeoutMs` reads as "not cooling down" (a warning),
 * or fails the call with `StoreUnavailableError` under `onStoreError: 'closed'`; recording after
 * the call never changes its outcome.
 *
 * @example
 * const client = createClient({
 *   middleware: [
 *     myFallbackMiddleware,                                                 // tries other models on retryable errors
 *     createCooldownMiddleware({ failures: 3, windowMs: 60_000, durationMs: 30_000 }),
 *   ],
 * });
 */
export function createCooldownMiddleware(options: CooldownOptions | true = true, dependencies: CooldownDependencies = {}): Middleware {
  const { store: givenStore, storeTimeoutMs, onStoreError, ...policy } = normalizeCooldownOptions(options);
  const clock = dependencies.clock ?? systemClock;
  const createId = dependencies.createId ?? createRandomId;
  const store = givenStore ?? createMemoryCooldownStore({ clock });

  const answers = answersOf(store);
  const guard = createStoreGuard('cooldown', { storeTimeoutMs, onStoreError });

  return function cooldown(context: CallContext, next) {
    if (context.route.model === '') return startCall(() => next(context));
    const deployment = deploymentName(context.route);
    const failed = (error: unknown, streamEnded: boolean): void | Promise<void> => {
      if (!isDeploymentFailure(error)) return undefined;
      // The call's own error is what the caller needs; a store that cannot record it is a warning.
      return ignore(guard.record(context, () => answers.recordFailure(deployment, createId(), policy), (reason) => `cooldown: failure not recorded (${reason})`, streamEnded));
    };
    const succeeded = (streamEnded: boolean): void | Promise<void> =>
      ignore(guard.record(context, () => answers.recordSuccess(deployment), (reason) => `cooldown: success not recorded (${reason})`, streamEnded));
    const send = (remaining: number): Promise<unknown> => {
      if (remaining > 0) throw coolingDown(context, deployment, remaining, policy, clock);
      let items = 0;
      return observeCall(() => next(context), STREAM_OPERATIONS.has(context.operation), {
        onItem: () => {
          items += 1;
        },
        onEnd: (end) => {
          const streamEnded = end.status !== 'returned' && end.status !== 'rejected';
          if (end.status === 'rejected' || end.status === 'failed') return failed(end.error, streamEnded);
          // A unary result, a stream read to its end, or one stopped after a chunk.
          if (end.status !== 'abandoned' || items > 0) return succeeded(streamEnded);
          return undefined;
        },
      });
    };
    try {
      // A store that fails open reads as "not cooling down".
      return whenAnswered(guard.need(context, 'remaining', () => answers.remaining(deployment), 0), send) as Promise<unknown>;
    } catch (error) {
      return Promise.reject(error);
    }
  };
}

function coolingDown(
  context: CallContext,
  deployment: string,
  remainingMs: number,
  policy: { failures: number; windowMs: number },
  clock: Clock,
): ServiceUnavailableError {
  const recovers = new Date(clock.now() + remainingMs).toISOString();
  return new ServiceUnavailableError(
    `${deployment} is cooling down after ${policy.failures} failures within ${policy.windowMs} ms; ` +
      `calls to it fail fast until it recovers in ${Math.ceil(remainingMs / 1000)} s (at ${recovers}); no request was sent`,
    { provider: context.route.provider.id, model: context.route.model, retryable: true, retryAfterMs: remainingMs },
  );
}

/** The store's answer is not needed, only that it came (or was given up on). */
function ignore(answer: MaybePromise<unknown>): void | Promise<void> {
  return whenAnswered(answer, () => undefined);
}
