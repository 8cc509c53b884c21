import { attachAttemptErrors, listAttemptErrors } from './attach-attempt-errors.js';

/** How a layer that tries candidates in turn (fallback models, router deployments) goes on. */
export interface FailoverPlan<C> {
  readonly first: C;
  /** Runs one candidate: the result, or for streams the open stream. */
  attempt(candidate: C): Promise<unknown>;
  /**
   * After `candidate` failed with `error`: the candidate to try next (the plan records the
   * failover, e.g. in `info.fallbacks`), or `undefined` to give up and throw `error`.
   */
  next(candidate: C, error: unknown): C | undefined;
}

interface Opened<C> {
  readonly candidate: C;
  readonly value: unknown;
}

/**
 * Tries candidates until one serves the call. A unary call fails over on any error the plan
 * accepts. A stream fails over while it is opened and on an error from its first `next()`, before
 * any chunk reached the caller; once a chunk was delivered, errors propagate as they are. The
 * stream is wrapped lazily (nothing is read before the caller asks) and `return()` reaches the
 * stream that is open, so a consumer's `break` cancels its request. When the call gave up after
 * failing over, the thrown error (the last one) carries every error as `errors`.
 *
 * @example
 * return runWithFailover({ first: 'a', attempt: (model) => next(contextFor(model)), next: pickNext }, isStream);
 */
export function runWithFailover<C>(plan: FailoverPlan<C>, stream: boolean): Promise<unknown> {
  const errors: unknown[] = [];
  let failovers = 0;
  const following = (candidate: C, error: unknown): C => {
    errors.push(...listAttemptErrors(error));
    const next = plan.next(candidate, error);
    if (next === undefined) throw failovers === 0 ? error : attachAttemptErrors(error, errors);
    failovers += 1;
    return next;
  };
  // Promise reactions rather than an async loop: a call that succeeds at once (most) costs one.
  const attempt = (candidate: C): Promise<unknown> => {
    try {
      return plan.attempt(candidate).then(undefined, (error: unknown) => attempt(following(candidate, error)));
    } catch (error) {
      try {
        return attempt(following(candidate, error));
      } catch (final) {
        return Promise.reject(final);
      }
    }
  };
  if (!stream) return attempt(plan.first);
  const open = async (start: C): Promise<Opened<C>> => {
    let candidate = start;
    for (;;) {
      try {
        return { candidate, value: await plan.attempt(candidate) };
      } catch (error) {
        candidate = following(candidate, error);
      }
    }
  };
  return open(plan.first).then((opened) => failOverBeforeFirstChunk(opened, open, following));
}

function failOverBeforeFirstChunk<C>(
  opened: Opened<C>,
  open: (start: C) => Promise<Opened<C>>,
  following: (candidate: C, error: unknown) => C,
): AsyncIterable<unknown> {
  return {
    async *[Symbol.asyncIterator]() {
      let current = opened;
      let iterator = iterate(current.value);
      let first: IteratorResult<unknown>;
      for (;;) {
        try {
          first = await iterator.next();
          break;
        } catch (error) {
          current = await open(following(current.candidate, error));
          iterator = iterate(current.value);
        }
      }
      if (first.done === true) return;
      let finished = false;
      try {
        yield first.value;
        for (;;) {
          const result = await iterator.next();
          if (result.done === true) {
            finished = true;
            return;
          }
          yield result.value;
        }
      } catch (error) {
        finished = true;
        throw error;
      } finally {
        if (!finished) await iterator.return?.();
      }
    },
  };
}

function iterate(value: unknown): AsyncIterator<unknown> {
  return (value as AsyncIterable<unknown>)[Symbol.asyncIterator]();
}
