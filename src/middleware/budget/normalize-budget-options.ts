import { ConfigurationError } from '../../errors/error-classes.js';
import { parsePriceSet } from '../cost/parse-price-set.js';
import type { PriceSet } from '../cost/pricing-table.js';
import type { BudgetExceededEvent } from './budget-exceeded-event.js';
import type { BudgetStore } from './budget-store.js';
import { normalizeStoreGuardOptions, type NormalizedStoreGuardOptions, type StoreGuardOptions } from '../normalize-store-guard-options.js';

/** `onStoreError` defaults to `closed` in `hard` mode (a budget that cannot be checked is not spent), `open` in `soft` mode. */
export interface BudgetOptions extends StoreGuardOptions {
  /** Spending limit of all calls together, in USD per period. */
  readonly limitUsd?: number;
  /** Limits per model: keys match the model as written (`openai/gpt-4o`) or as served (`gpt-4o`). */
  readonly perModel?: Readonly<Record<string, number>>;
  /** Limits per provider id (`openai`). */
  readonly perProvider?: Readonly<Record<string, number>>;
  /** Limits per call tag (`options.tags`: a user, tenant or feature). */
  readonly perTag?: Readonly<Record<string, number>>;
  /** Budgets reset every `periodMs` (aligned to the epoch); omitted: one period forever. */
  readonly periodMs?: number;
  /** `hard` (default): reject before sending with `BudgetExceededError`; `soft`: let calls through and report. */
  readonly mode?: 'hard' | 'soft';
  /** Where spending is kept (default: in memory, this process only). */
  readonly store?: BudgetStore;
  /** Called when a limit is reached or passed, in both modes. Its errors become warnings. */
  readonly onExceeded?: (event: BudgetExceededEvent) => void | Promise<void>;
  /** Output tokens reserved for a call that sets no `max_tokens`, when the model catalogue does not know the model's output limit (default 4096). */
  readonly defaultMaxOutputTokens?: number;
  /**
   * USD reserved for a call to a model without a known price. Unset (the default), such a call is
   * refused in `hard` mode (`BudgetExceededError` saying the price is unknown) and sent with a
   * warning in `soft` mode.
   */
  readonly unknownModelReservationUsd?: number;
  /**
   * How long a reservation outlives its call's deadline (`timeoutMs`) before it frees itself, so
   * that a process killed mid-call cannot hold a shared budget (default 30000 ms). A stream's
   * reservation is extended while it is being read.
   */
  readonly leaseMarginMs?: number;
  /** Extra prices for models the table lacks, as in `costTracking.prices`. */
  readonly prices?: Readonly<Record<string, PriceSet>>;
}

export interface NormalizedBudgetOptions extends NormalizedStoreGuardOptions {
  readonly limitUsd: number | undefined;
  readonly perModel: Readonly<Record<string, number>>;
  readonly perProvider: Readonly<Record<string, number>>;
  readonly perTag: Readonly<Record<string, number>>;
  readonly periodMs: number | undefined;
  readonly mode: 'hard' | 'soft';
  readonly store: BudgetStore | undefined;
  readonly onExceeded: ((event: BudgetExceededEvent) => void | Promise<void>) | undefined;
  readonly defaultMaxOutputTokens: number;
  readonly unknownModelReservationUsd: number | undefined;
  readonly leaseMarginMs: number;
  readonly prices: Readonly<Record<string, PriceSet>>;
}

/** Checks budget options once; every error names its field. A budget needs at least one limit. */
export function normalizeBudgetOptions(options: BudgetOptions): NormalizedBudgetOptions {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ConfigurationError('budget must be an options object with limitUsd, perModel, perProvider or perTag');
  }
  const limitUsd = options.limitUsd === undefined ? undefined : parseUsd(options.limitUsd, 'budget.limitUsd');
  const perModel = parseLimits(options.perModel, 'budget.perModel');
  const perProvider = parseLimits(options.perProvider, 'budget.perProvider');
  const perTag = parseLimits(options.perTag, 'budget.perTag');
  if (limitUsd === undefined && [perModel, perProvider, perTag].every((limits) => Object.keys(limits).length === 0)) {
    throw new ConfigurationError('budget.limitUsd is required unless budget.perModel, budget.perProvider or budget.perTag sets a limit');
  }
  if (options.periodMs !== undefined && (!Number.isSafeInteger(options.periodMs) || options.periodMs <= 0)) {
    throw new ConfigurationError('budget.periodMs must be a positive integer number of milliseconds');
  }
  const mode = options.mode ?? 'hard';
  if (mode !== 'hard' && mode !== 'soft') throw new ConfigurationError(`budget.mode must be 'hard' or 'soft'`);
  const store = options.store;
  if (store !== undefined && (['reserve', 'settle', 'extend', 'read'] as const).some((name) => typeof store[name] !== 'function')) {
    throw new ConfigurationError('budget.store must implement BudgetStore (reserve, settle, extend, read)');
  }
  if (options.onExceeded !== undefined && typeof options.onExceeded !== 'function') {
    throw new ConfigurationError('budget.onExceeded must be a function');
  }
  const defaultMaxOutputTokens = options.defaultMaxOutputTokens ?? 4096;
  if (!Number.isSafeInteger(defaultMaxOutputTokens) || defaultMaxOutputTokens < 0) {
    throw new ConfigurationError('budget.defaultMaxOutputTokens must be a non-negative integer');
  }
  const leaseMarginMs = options.leaseMarginMs ?? 30_000;
  if (!Number.isSafeInteger(leaseMarginMs) || leaseMarginMs < 0) {
    throw new ConfigurationError('budget.leaseMarginMs must be a non-negative integer number of milliseconds');
  }
  const prices: Record<string, PriceSet> = {};
  for (const [key, value] of Object.entries(options.prices ?? {})) prices[key] = parsePriceSet(value, `budget.prices["${key}"]`);
  return {
    limitUsd,
    perModel,
    perProvider,
    perTag,
    periodMs: options.periodMs,
    mode,
    store,
    onExceeded: options.onExceeded,
    defaultMaxOutputTokens,
    unknownModelReservationUsd:
      options.unknownModelReservationUsd === undefined ? undefined : parseUsd(options.unknownModelReservationUsd, 'budget.unknownModelReservationUsd'),
    leaseMarginMs,
    prices,
    ...normalizeStoreGuardOptions('budget', options, mode === 'hard' ? 'closed' : 'open'),
  };
}

function parseLimits(value: unknown, field: string): Record<string, number> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new ConfigurationError(`${field} must be an object of USD limits`);
  const limits: Record<string, number> = {};
  for (const [key, limit] of Object.entries(value)) limits[key] = parseUsd(limit, `${field}["${key}"]`);
  return limits;
}

function parseUsd(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw new ConfigurationError(`${field} must be a finite number of USD >= 0`);
  return value;
}
