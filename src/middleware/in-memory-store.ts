import type { MaybePromise } from './maybe-promise.js';

/** The methods of a promise-returning store, answering at once. */
export type SyncMethods<Store> = {
  [Name in keyof Store]: Store[Name] extends (...args: infer Args) => Promise<infer Answer> ? (...args: Args) => Answer : Store[Name];
};

/** The methods of any store, as layers call them: an answer now or a promise of one. */
export type AnswerMethods<Store> = {
  [Name in keyof Store]: Store[Name] extends (...args: infer Args) => Promise<infer Answer> ? (...args: Args) => MaybePromise<Answer> : Store[Name];
};

const syncMethods = new WeakMap<object, object>();

/**
 * A store whose public methods keep their contract (each returns a promise, a thrown error is a
 * rejection) over methods that answer at once, which the layers call directly through
 * `answersOf`: a call through an in-memory store then needs no `await` for it.
 */
export function createInMemoryStore<Store extends object>(methods: SyncMethods<Store>): Store {
  const store: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(methods as Record<string, unknown>)) {
    store[name] =
      typeof method !== 'function'
        ? method
        : (...args: unknown[]): Promise<unknown> => {
            try {
              return Promise.resolve((method as (...args: unknown[]) => unknown)(...args));
            } catch (error) {
              return Promise.reject(error);
            }
          };
  }
  syncMethods.set(store, methods);
  return store as Store;
}

/** The store's methods as a layer calls them: the synchronous ones of an in-memory store, else the store's own. */
export function answersOf<Store extends object>(store: Store): AnswerMethods<Store> {
  return (syncMethods.get(store) ?? store) as AnswerMethods<Store>;
}
