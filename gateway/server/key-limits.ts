import { randomUUID } from 'node:crypto';
import { estimateRequestTokens } from '../../src/middleware/estimate-request-tokens.js';
import type { BudgetStore, RateLimitStore } from '../../src/index.js';
import { GatewayHttpError } from './gateway-http-error.js';
import { parseDuration } from './parse-duration.js';
import type { VirtualKey } from './virtual-keys.js';

const WINDOW_MS = 60_000;
const NANO = 1e9;
/** A call's budget lease outlives any call; settling ends it sooner. */
const LEASE_MS = 15 * 60_000;

/** What a call took from its key's limits, given back or confirmed once its usage is known. */
export interface KeyAdmission {
  settle(outcome: { readonly totalTokens: number | undefined; readonly costUsd: number | undefined } | undefined): Promise<void>;
}

export interface KeyLimits {
  /** Takes room in the key's rpm/tpm and checks its budget; a 429 `GatewayHttpError` when there is none. */
  admit(key: VirtualKey | undefined, request: Record<string, unknown>): Promise<KeyAdmission>;
  /** What the key spent in its current budget period, in USD. */
  spendUsd(key: VirtualKey): Promise<number>;
}

/**
 * Per virtual key: `rpm`/`tpm` in a sliding minute and `budgetUsd` per `budgetPeriod` (fixed
 * periods from the epoch; without a period, for the key's lifetime). Both live in the SDK's stores,
 * so gateways on one Redis enforce them together. A budget admits calls while the spend is under
 * it and records each call's cost when the call completes, so the calls in flight when it is
 * reached may pass it by their own cost.
 */
export function createKeyLimits(stores: { readonly rateLimit: RateLimitStore; readonly budget: BudgetStore }): KeyLimits {
  const budgetScope = (key: VirtualKey, now: number): { scope: string; ttlMs: number | undefined } => {
    if (key.budgetPeriod === undefined) return { scope: `gateway-budget:${key.name}`, ttlMs: undefined };
    const periodMs = parseDuration(key.budgetPeriod);
    return { scope: `gateway-budget:${key.name}:${Math.floor(now / periodMs)}`, ttlMs: 2 * periodMs };
  };

  return {
    async admit(key, request) {
      if (key === undefined) return { settle: async () => {} };
      const id = randomUUID();
      let estimate = 0;
      const limited = key.rpm !== undefined || key.tpm !== undefined;
      if (limited) {
        const tokens = estimateRequestTokens('chat', request, 0);
        estimate = Math.min(key.tpm ?? Number.POSITIVE_INFINITY, tokens.prompt + tokens.completion);
        const acquired = await stores.rateLimit.acquire({
          id,
          windowMs: WINDOW_MS,
          requests: 1,
          keys: [{ key: `gateway-key:${key.name}`, rpm: key.rpm, tpm: key.tpm, tokens: estimate }],
        });
        if (!acquired.admitted) {
          const seconds = Math.max(1, Math.ceil(acquired.retryAfterMs / 1000));
          throw new GatewayHttpError(429, 'rate_limit_error', 'rate_limit_exceeded', `key "${key.name}" is over its ${key.rpm === undefined ? 'tpm' : 'rpm/tpm'} limit; retry in ${seconds} s`, {
            'retry-after': String(seconds),
          });
        }
      }
      let budget: { scope: string; ttlMs: number | undefined } | undefined;
      if (key.budgetUsd !== undefined) {
        budget = budgetScope(key, Date.now());
        const reserved = await stores.budget.reserve({
          scopes: [{ key: budget.scope, limit: Math.round(key.budgetUsd * NANO) }],
          amount: 0,
          lease: { id, ms: LEASE_MS },
          force: false,
          ttlMs: budget.ttlMs,
        });
        if (!reserved.admitted) {
          if (limited) await stores.rateLimit.reconcile({ id, windowMs: WINDOW_MS, keys: [{ key: `gateway-key:${key.name}`, from: { requests: 1, tokens: estimate }, to: { requests: 1, tokens: 0 } }] });
          throw new GatewayHttpError(429, 'budget_exceeded', 'budget_exceeded', `key "${key.name}" has spent its budget of $${key.budgetUsd}${key.budgetPeriod === undefined ? '' : ` per ${key.budgetPeriod}`}`);
        }
      }
      return {
        async settle(outcome) {
          const tasks: Array<Promise<unknown>> = [];
          if (limited && outcome?.totalTokens !== undefined) {
            tasks.push(
              stores.rateLimit.reconcile({ id, windowMs: WINDOW_MS, keys: [{ key: `gateway-key:${key.name}`, from: { requests: 1, tokens: estimate }, to: { requests: 1, tokens: outcome.totalTokens } }] }),
            );
          }
          if (budget !== undefined) tasks.push(stores.budget.settle([budget.scope], id, Math.round((outcome?.costUsd ?? 0) * NANO), budget.ttlMs));
          await Promise.allSettled(tasks);
        },
      };
    },
    async spendUsd(key) {
      if (key.budgetUsd === undefined) return 0;
      const state = await stores.budget.read(budgetScope(key, Date.now()).scope);
      return state.spent / NANO;
    },
  };
}
