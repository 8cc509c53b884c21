import { createLoadFailure } from './create-load-failure.js';

/**
 * `load` (a dynamic import) run once and shared by every caller; after a failure (a chunk that
 * could not be fetched, say) the next call tries again instead of failing forever. A failure is a
 * retryable `NetworkError` naming `what` (see `createLoadFailure`), not whatever the runtime threw.
 *
 * @example
 * const loadRunner = memoizeImport(async () => (await import('./runner.js')).run, 'the runner');
 * await (await loadRunner())(input);
 */
export function memoizeImport<T>(load: () => Promise<T>, what = 'a module of liter-llm'): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw createLoadFailure(error, what);
    });
    return pending;
  };
}
