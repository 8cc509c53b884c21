/** Marks the `errors` list this layer attached, so an outer layer can flatten it. */
const ATTEMPT_ERRORS = Symbol.for('liter-llm.attempt-errors');

/**
 * The errors an attempt stands for: the ones attached to it by an inner fallback or router (which
 * already include it), else the error itself.
 */
export function listAttemptErrors(error: unknown): readonly unknown[] {
  if (typeof error === 'object' && error !== null) {
    const attached = (error as Record<symbol, unknown>)[ATTEMPT_ERRORS];
    if (Array.isArray(attached)) return attached;
  }
  return [error];
}

/**
 * Attaches every error of a call that failed over and then gave up to the error it throws (the
 * last one), as a non-enumerable `errors` array in attempt order, the thrown error last (like
 * `AggregateError.errors`). Values that are not objects are returned unchanged.
 *
 * @example
 * throw attachAttemptErrors(lastError, [firstError, lastError]); // lastError.errors[0] === firstError
 */
export function attachAttemptErrors(error: unknown, errors: readonly unknown[]): unknown {
  if (typeof error !== 'object' || error === null || !Object.isExtensible(error)) return error;
  const list = Object.freeze([...errors]);
  Object.defineProperty(error, 'errors', { value: list, enumerable: false, configurable: true, writable: true });
  Object.defineProperty(error, ATTEMPT_ERRORS, { value: list, enumerable: false, configurable: true, writable: true });
  return error;
}
