/**
 * Spending state for budgets: per key (a scope in one period) a committed `spent` and an in-flight
 * `reserved` amount, both integers in nano-USD (1e-9 USD) so that sums are exact. Every reservation
 * is a lease: it has an id and an expiry, and a lease past its expiry no longer counts (it is
 * purged atomically by the next `reserve`, `settle` or `read` of its key), so a process that dies
 * mid-call cannot hold a shared budget forever. Implementations must make `reserve` atomic across
 * all its keys: check every limit, then reserve on every key, or nothing. The in-memory store is
 * one process's; the Redis store shares budgets across processes.
 */
export interface BudgetStore {
  reserve(request: BudgetReserveRequest): Promise<BudgetReserveResult>;
  /**
   * Ends lease `leaseId` on every key: releases all it still holds (nothing once it expired) and
   * adds `spent`; resolves to each key's spent total after.
   */
  settle(keys: readonly string[], leaseId: string, spent: number, ttlMs: number | undefined): Promise<number[]>;
  /** Moves lease `leaseId`'s expiry to `leaseMs` from now on every key (never earlier); an ended or expired lease stays ended. */
  extend(keys: readonly string[], leaseId: string, leaseMs: number): Promise<void>;
  /** The state of one key (zeros when absent). */
  read(key: string): Promise<BudgetKeyState>;
}

export interface BudgetKeyState {
  readonly spent: number;
  /** What live leases hold. */
  readonly reserved: number;
}

export interface BudgetScopeLimit {
  readonly key: string;
  /** Nano-USD. */
  readonly limit: number;
}

/** One call's reservation: its id (unique across processes) and how long it lives from now, by the store's clock. */
export interface BudgetLease {
  readonly id: string;
  readonly ms: number;
}

export interface BudgetReserveRequest {
  readonly scopes: readonly BudgetScopeLimit[];
  /** Nano-USD to reserve on every scope, added to the lease (which may hold some already). */
  readonly amount: number;
  /** The lease; its expiry moves to `lease.ms` from now unless it is later already. */
  readonly lease: BudgetLease;
  /** Reserve even when a limit would be exceeded (soft mode); the result still says which. */
  readonly force: boolean;
  /** Keys expire this long after their last change (a period's keys outlive it); undefined: never. */
  readonly ttlMs: number | undefined;
}

/**
 * `admitted`: the amount was reserved. `exceeded`: the first scope whose limit is reached
 * (`spent >= limit`) or would be passed (`spent + reserved + amount > limit`), with its state
 * before this request.
 */
export interface BudgetReserveResult {
  readonly admitted: boolean;
  readonly exceeded: (BudgetKeyState & { readonly index: number }) | undefined;
}
