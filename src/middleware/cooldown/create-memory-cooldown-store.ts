import { systemClock, type Clock } from '../../transport/clock.js';
import { createInMemoryStore } from '../in-memory-store.js';
import type { CooldownStore } from './cooldown-store.js';

interface DeploymentState {
  /** Times of the failures still in the window, oldest first. */
  failures: number[];
  coolUntil: number;
}

export interface MemoryCooldownStoreOptions {
  readonly clock?: Clock;
}

/**
 * The in-process cooldown store. A deployment with no failures in its window and no cooldown
 * left is forgotten on its next success or check.
 *
 * @example
 * const client = createClient({ middleware: [createCooldownMiddleware({ store: createMemoryCooldownStore() })] });
 */
export function createMemoryCooldownStore(options: MemoryCooldownStoreOptions = {}): CooldownStore {
  const clock = options.clock ?? systemClock;
  const states = new Map<string, DeploymentState>();

  return createInMemoryStore<CooldownStore>({
    remaining(deployment) {
      const state = states.get(deployment);
      if (state === undefined) return 0;
      const left = state.coolUntil - clock.now();
      if (left > 0) return left;
      if (state.failures.length === 0) states.delete(deployment);
      return 0;
    },

    recordFailure(deployment, _id, { failures, windowMs, durationMs }) {
      const now = clock.now();
      let state = states.get(deployment);
      if (state === undefined) {
        state = { failures: [], coolUntil: 0 };
        states.set(deployment, state);
      }
      if (state.coolUntil > now) return state.coolUntil - now;
      state.failures = state.failures.filter((at) => at > now - windowMs);
      state.failures.push(now);
      if (state.failures.length < failures) return 0;
      state.failures = [];
      state.coolUntil = now + durationMs;
      return durationMs;
    },

    recordSuccess(deployment) {
      const state = states.get(deployment);
      if (state === undefined) return;
      state.failures = [];
      if (state.coolUntil <= clock.now()) states.delete(deployment);
    },
  });

}
