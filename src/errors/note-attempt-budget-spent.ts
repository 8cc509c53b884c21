/** Marks an error already noted, so a router inside a fallback does not say it twice. */
const NOTED = Symbol.for('liter-llm.attempt-budget-spent');

/**
 * Says on the error a call gives up with that it gave up because its `maxAttempts` were spent
 * (a retry, fallback or router deployment would otherwise have been tried), once. Values that are
 * not errors are returned unchanged.
 *
 * @example
 * throw noteAttemptBudgetSpent(lastError, 10); // "... (no further request: the call's maxAttempts (10) are spent)"
 */
export function noteAttemptBudgetSpent<E>(error: E, maxAttempts: number): E {
  if (!(error instanceof Error) || (error as unknown as Record<symbol, unknown>)[NOTED] === true || !Object.isExtensible(error)) return error;
  error.message = `${error.message} (no further request: the call's maxAttempts (${maxAttempts}) are spent)`;
  Object.defineProperty(error, NOTED, { value: true });
  return error;
}
