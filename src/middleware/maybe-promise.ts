/** An answer that may be there already (an in-memory store, a synchronous hook) or still coming. */
export type MaybePromise<T> = T | Promise<T>;

/** Whether a value is a promise (or thenable) to wait for, rather than an answer already there. */
export function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as PromiseLike<unknown>).then === 'function';
}

/**
 * `use(answer)` now when the answer is there, else once it arrives: the layers' synchronous fast
 * path, which spends no turn of the microtask queue on a store that answered at once.
 */
export function whenAnswered<T, R>(answer: MaybePromise<T>, use: (value: T) => MaybePromise<R>): MaybePromise<R> {
  return isThenable(answer) ? (answer as Promise<T>).then(use) : use(answer as T);
}

