/**
 * Spending state for budgets: per key (a scope in one period) a committed `spent` and an in-flight
 * `reserved` amount, both integers in nano-USD (1e-9 USD) so that sums are exact. Implementations
 * must make `reserve` atomic across all its keys: check every limit, then reserve on every key, or
 * nothing. The in-memory store is one process's; the Redis store shares budgets across processes.
 */
export interface BudgetStore {
  reserve(request: BudgetReserveRequest): Promise<BudgetReserveResult>;
  /** Releases `reserved` and adds `spent` on every key; resolves to each key's spent total after. */
  settle(keys: readonly string[], reserved: number, spent: number, ttlMs: number | undefined): Promise<number[]>;
  /** The state of one key (zeros when absent). */
  read(key: string): Promise<BudgetKeyState>;
}

export interface BudgetKeyState {
  readonly spent: number;
  readonly reserved: number;
}

export interface BudgetScopeLimit {
  readonly key: string;
  /** Nano-USD. */
  readonly limit: number;
}

export interface BudgetReserveRequest {
  readonly scopes: readonly BudgetScopeLimit[];
  /** Nano-USD to reserve on every scope. */
  readonly amount: number;
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
