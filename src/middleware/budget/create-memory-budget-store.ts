import { systemClock, type Clock } from '../../transport/clock.js';
import { createInMemoryStore } from '../in-memory-store.js';
import type { BudgetKeyState, BudgetStore } from './budget-store.js';

interface Lease {
  amount: number;
  expiresAt: number;
}

interface Entry {
  spent: number;
  /** The sum of `leases`' amounts. */
  reserved: number;
  leases: Map<string, Lease>;
  /** No lease expires before this: purging is skipped until then. */
  nextLeaseExpiry: number;
  expiresAt: number;
}

/**
 * The default budget store: one process's budgets in a Map. Each method runs without awaiting,
 * so a reservation is atomic across its keys. Expired keys and leases are dropped as they are touched.
 *
 * @example
 * createBudgetMiddleware({ limitUsd: 5, mode: 'hard', store: createMemoryBudgetStore() });
 */
export function createMemoryBudgetStore(dependencies: { clock?: Clock } = {}): BudgetStore {
  const clock = dependencies.clock ?? systemClock;
  const entries = new Map<string, Entry>();
  const entryOf = (key: string): Entry | undefined => {
    const entry = entries.get(key);
    const now = clock.now();
    if (entry !== undefined && entry.expiresAt <= now) {
      entries.delete(key);
      return undefined;
    }
    if (entry !== undefined && entry.nextLeaseExpiry <= now) purgeLeases(entry, now);
    return entry;
  };
  const touch = (key: string, ttlMs: number | undefined): Entry => {
    const entry = entryOf(key) ?? { spent: 0, reserved: 0, leases: new Map(), nextLeaseExpiry: Infinity, expiresAt: Infinity };
    entry.expiresAt = ttlMs === undefined ? Infinity : clock.now() + ttlMs;
    entries.set(key, entry);
    return entry;
  };
  const stateOf = (key: string): BudgetKeyState => {
    const entry = entryOf(key);
    return { spent: entry?.spent ?? 0, reserved: entry?.reserved ?? 0 };
  };

  return createInMemoryStore<BudgetStore>({
    reserve({ scopes, amount, lease, force, ttlMs }) {
      let exceeded: (BudgetKeyState & { index: number }) | undefined;
      scopes.forEach((scope, index) => {
        const state = stateOf(scope.key);
        if (exceeded === undefined && (state.spent >= scope.limit || state.spent + state.reserved + amount > scope.limit)) {
          exceeded = { ...state, index };
        }
      });
      if (exceeded !== undefined && !force) return { admitted: false, exceeded };
      const expiresAt = clock.now() + lease.ms;
      for (const scope of scopes) {
        const entry = touch(scope.key, ttlMs);
        const held = entry.leases.get(lease.id);
        if (held === undefined) entry.leases.set(lease.id, { amount, expiresAt });
        else {
          held.amount += amount;
          held.expiresAt = Math.max(held.expiresAt, expiresAt);
        }
        entry.reserved += amount;
        entry.nextLeaseExpiry = Math.min(entry.nextLeaseExpiry, expiresAt);
      }
      return { admitted: true, exceeded };
    },
    settle(keys, leaseId, spent, ttlMs) {
      return keys.map((key) => {
        const entry = touch(key, ttlMs);
        const held = entry.leases.get(leaseId);
        if (held !== undefined) {
          entry.leases.delete(leaseId);
          entry.reserved -= held.amount;
        }
        entry.spent += spent;
        return entry.spent;
      });
    },
    extend(keys, leaseId, leaseMs) {
      const expiresAt = clock.now() + leaseMs;
      for (const key of keys) {
        const held = entryOf(key)?.leases.get(leaseId);
        if (held !== undefined) held.expiresAt = Math.max(held.expiresAt, expiresAt);
      }
    },
    read(key) {
      return stateOf(key);
    },
  });
}

/** Drops the leases past their expiry, releasing what they held. */
function purgeLeases(entry: Entry, now: number): void {
  let next = Infinity;
  for (const [id, lease] of entry.leases) {
    if (lease.expiresAt <= now) {
      entry.leases.delete(id);
      entry.reserved -= lease.amount;
    } else {
      next = Math.min(next, lease.expiresAt);
    }
  }
  entry.nextLeaseExpiry = next;
}
