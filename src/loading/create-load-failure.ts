import { NetworkError } from '../errors/error-classes.js';
import { isLiterLlmError } from '../errors/liter-llm-error.js';

const LOAD_FAILURE = Symbol.for('liter-llm.loadFailure');

/**
 * The error of a lazily loaded part of liter-llm (a dialect, the middleware layers, the price
 * table) that could not be loaded: a browser's "Failed to fetch dynamically imported module", a
 * deploy that replaced the chunks under a running page. It is a retryable `NetworkError` naming
 * what failed, the runtime's error attached as its cause; the next call loads it again. An error
 * that is already a LiterLlmError (one the loaded code raised on purpose) passes unchanged.
 */
export function createLoadFailure(error: unknown, what: string): unknown {
  if (isLiterLlmError(error)) return error;
  const reason = error instanceof Error ? error.message : String(error);
  const failure = new NetworkError(`could not load ${what}: ${reason}`, { cause: error, retryable: true });
  Object.defineProperty(failure, LOAD_FAILURE, { value: true });
  return failure;
}

/** Whether `error` is a chunk that failed to load: nothing was sent, so sending again is safe. */
export function isLoadFailure(error: unknown): error is NetworkError {
  return typeof error === 'object' && error !== null && (error as { [LOAD_FAILURE]?: unknown })[LOAD_FAILURE] === true;
}
