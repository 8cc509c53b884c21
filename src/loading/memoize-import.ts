/**
 * `load` (a dynamic import) run once and shared by every caller; after a failure (a chunk that
 * could not be fetched, say) the next call tries again instead of failing forever.
 *
 * @example
 * const loadRunner = memoizeImport(async () => (await import('./runner.js')).run);
 * await (await loadRunner())(input);
 */
export function memoizeImport<T>(load: () => Promise<T>): () => Promise<T> {
  let pending: Promise<T> | undefined;
  return () => {
    pending ??= load().catch((error: unknown) => {
      pending = undefined;
      throw error;
    });
    return pending;
  };
}
