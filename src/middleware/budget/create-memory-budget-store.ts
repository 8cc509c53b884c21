import { systemClock, type Clock } from '../../transport/clock.js';
import { createInMemoryStore } from '../in-memory-store.js';
import type { BudgetKeyState, BudgetStore } from './budget-store.js';

interface Entry {
  spent: number;
  reserved: number;
  expiresAt: number;
}

/**
 * The default budget store: one process's budgets in a Map. Each method runs without awaiting,
 * so a reservation is atomic across its keys. Expired keys are dropped as they are touched.
 *
 * @example
 * createBudgetMiddleware({ limitUsd: 5, mode: 'hard', store: createMemoryBudgetStore() });
 */
export function createMemoryBudgetStore(dependencies: { clock?: Clock } = {}): BudgetStore {
  const clock = dependencies.clock ?? systemClock;
  const entries = new Map<string, Entry>();
  const entryOf = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    if (entry !== undefined && entry.expiresAt <= clock.now()) {
      entries.delete(key);
      return undefined;
    }
    return entry;
  };
  const touch = (key: string, ttlMs: number | undefined): Entry => {
    const entry = entryOf(key) ?? { spent: 0, reserved: 0, expiresAt: Infinity };
    entry.expiresAt = ttlMs === undefined ? Infinity : clock.now() + ttlMs;
    entries.set(key, entry);
    return entry;
  };
  const stateOf = (key: string): BudgetKeyState => {
    const entry = entryOf(key);
    return { spent: entry?.spent ?? 0, reserved: entry?.reserved ?? 0 };
  };

  return createInMemoryStore<BudgetStore>({
    reserve({ scopes, amount, force, ttlMs }) {
      let exceeded: (BudgetKeyState & { index: number }) | undefined;
      scopes.forEach((scope, index) => {
        const state = stateOf(scope.key);
        if (exceeded === undefined && (state.spent >= scope.limit || state.spent + state.reserved + amount > scope.limit)) {
          exceeded = { ...state, index };
        }
      });
      if (exceeded !== undefined && !force) return { admitted: false, exceeded };
      for (const scope of scopes) touch(scope.key, ttlMs).reserved += amount;
      return { admitted: true, exceeded };
    },
    settle(keys, reserved, spent, ttlMs) {
      return keys.map((key) => {
        const entry = touch(key, ttlMs);
        entry.reserved = Math.max(0, entry.reserved - reserved);
        entry.spent += spent;
        return entry.spent;
      });
    },
    read(key) {
      return stateOf(key);
    },
  });

}
