import type { CallContext } from '../../call/call-context.js';
import { noteAttemptBudgetSpent } from '../../errors/note-attempt-budget-spent.js';

/**
 * Whether a call that failed with `error` may not move on to another model or deployment: its
 * `maxAttempts` are spent (the error then says so), or its deadline (`timeoutMs` from the call's
 * start) has passed. The fallback and router layers ask it before failing over, so one call
 * never sends more than `maxAttempts` requests nor runs past `timeoutMs` however many routes it has.
 *
 * @example
 * if (callBudgetSpent(context, error)) return undefined; // give up with `error`
 */
export function callBudgetSpent(context: CallContext, error: unknown): boolean {
  const { options, info } = context;
  if (info.attempts >= options.maxAttempts) {
    noteAttemptBudgetSpent(error, options.maxAttempts);
    return true;
  }
  return Date.now() >= options.deadlineAt;
}
