import type { Usage } from '../../../generated/types/index.js';
import { BudgetExceededError } from '../../errors/error-classes.js';
import { systemClock, type Clock } from '../../transport/clock.js';
import type { Middleware } from '../compose.js';
import type { CallContext, Next } from '../../call/call-context.js';
import { answersOf } from '../in-memory-store.js';
import { whenAnswered } from '../maybe-promise.js';
import { createStoreGuard } from '../store-guard.js';
import type { BudgetReserveResult } from './budget-store.js';
import { createCostCalculator } from '../cost/create-cost-calculator.js';
import { createStreamMeter, type StreamMeter } from '../cost/create-stream-meter.js';
import { estimateRequestTokens } from '../estimate-request-tokens.js';
import { observeCall } from '../observe-call.js';
import { STREAM_OPERATIONS } from '../../call/operation.js';
import { PRICED_OPERATIONS } from '../cost/priced-operations.js';
import type { PricingTable } from '../cost/pricing-table.js';
import type { BudgetExceededEvent } from './budget-exceeded-event.js';
import { createMemoryBudgetStore } from './create-memory-budget-store.js';
import { estimateMaxCost } from './estimate-max-cost.js';
import { normalizeBudgetOptions, type BudgetOptions } from './normalize-budget-options.js';
import { resolveBudgetScopes, type BudgetScope } from './resolve-budget-scopes.js';

export interface BudgetDependencies {
  /** Periods and time-dependent prices; tests pass a fake clock. */
  readonly clock?: Clock;
  /** The price table (default: `schemas/pricing.json`, loaded on the first call). */
  readonly loadTable?: () => Promise<PricingTable>;
}

const NANOS_PER_USD = 1e9;
const toNanos = (usd: number): number => Math.round(usd * NANOS_PER_USD);
const toUsd = (nanos: number): number => nanos / NANOS_PER_USD;
const formatUsd = (usd: number): string => `$${Number(usd.toPrecision(6))}`;
/** What a reservation that failed open answers: the call goes on, nothing is held for it. */
const UNRESERVED: BudgetReserveResult = { admitted: true, exceeded: undefined };

/**
 * Spending limits, global and per model, provider and tag, over a period. Before a priced call
 * (chat, completion, embeddings, Responses) it reserves the call's maximum cost (estimated input
 * plus `max_tokens`, else `defaultMaxOutputTokens`, at the model's prices) on every limit the
 * call counts against, atomically in the store, so concurrent calls (and processes sharing a
 * Redis store) cannot overshoot together. After the call the reservation is replaced by the
 * actual cost (reported usage; for streams, what was consumed), or released when the call failed.
 * `hard` mode rejects a call that does not fit with `BudgetExceededError` before anything is sent;
 * `soft` mode lets it through; both call `onExceeded`. A store that fails or does not answer
 * within `storeTimeoutMs` fails a hard budget's call with `StoreUnavailableError` before sending
 * (`onStoreError: 'closed'`, its default) and lets a soft budget's call through unreserved with a
 * warning (`'open'`); a reservation that lands too late is released.
 *
 * @example
 * const client = createClient({
 *   middleware: [createBudgetMiddleware({ limitUsd: 10, perTag: { 'user:42': 0.5 }, periodMs: 86_400_000, mode: 'hard' })],
 * });
 * await client.chat({ model: 'openai/gpt-4o-mini', messages, max_tokens: 500 }, { tags: ['user:42'] });
 */
export function createBudgetMiddleware(options: BudgetOptions, dependencies: BudgetDependencies = {}): Middleware {
  const normalized = normalizeBudgetOptions(options);
  const clock = dependencies.clock ?? systemClock;
  const store = normalized.store ?? createMemoryBudgetStore({ clock });
  const calculator = createCostCalculator(
    { prices: normalized.prices },
    dependencies.loadTable === undefined ? { clock } : { clock, loadTable: dependencies.loadTable },
  );
  const { periodMs, mode } = normalized;
  const ttlMs = periodMs === undefined ? undefined : periodMs * 2;

  const report = async (context: CallContext, event: Omit<BudgetExceededEvent, 'mode' | 'provider' | 'model' | 'tags'>): Promise<void> => {
    if (normalized.onExceeded === undefined) return;
    const full: BudgetExceededEvent = {
      mode,
      ...event,
      provider: context.info.provider,
      model: context.info.model,
      tags: context.options.tags,
    };
    try {
      await normalized.onExceeded(full);
    } catch (error) {
      context.info.warnings.push(`budget: onExceeded threw: ${error instanceof Error ? error.message : String(error)}`);
    }
  };

  const answers = answersOf(store);
  const guard = createStoreGuard('budget', normalized);

  return function budget(context, next) {
    try {
      if (!PRICED_OPERATIONS.has(context.operation)) return next(context);
      const scopes = resolveBudgetScopes(context, normalized);
      if (scopes.length === 0) return next(context);
      if (calculator.isReady()) return reserveAndSend(context, next, scopes);
      return calculator.ready().then(() => reserveAndSend(context, next, scopes));
    } catch (error) {
      return Promise.reject(error);
    }
  };

  /** Reserves the call's maximum cost on every scope, sends it, and settles what it actually cost. */
  function reserveAndSend(context: CallContext, next: Next, scopes: readonly BudgetScope[]): Promise<unknown> {
    const { info, route } = context;
    const prices = calculator.priceOf(route.provider.id, route.model);
    let reserveUsd = normalized.unknownModelReservationUsd;
    if (prices === undefined) {
      info.warnings.push(`budget: no price known for ${route.provider.id}/${route.model}; reserved ${formatUsd(reserveUsd)}`);
    } else {
      reserveUsd = estimateMaxCost(prices, context.request, context.operation, normalized.defaultMaxOutputTokens);
    }
    const period = periodMs === undefined ? 'all' : String(Math.floor(clock.now() / periodMs));
    const keys = scopes.map((scope) => `${scope.name}|${period}`);
    const amount = toNanos(reserveUsd);

    /** The call's actual cost: what an inner cost layer found, else reported or estimated usage, else the reservation. */
    const actualUsd = (meter: StreamMeter | undefined): number => {
      if (info.cache === 'hit') return 0;
      if (typeof info.costUsd === 'number') return info.costUsd;
      let usage: Usage | undefined = info.usage;
      if (usage === undefined && meter !== undefined) {
        usage = { prompt_tokens: estimateRequestTokens(context.operation, context.request, 0).prompt, completion_tokens: meter.outputTokens() };
      }
      return (usage === undefined ? undefined : calculator.costOf(info.provider, info.model, usage)) ?? reserveUsd;
    };
    const reportCrossed = (spentUsd: number, spent: number, totals: readonly number[]): void | Promise<void> => {
      if (spent === 0) return undefined;
      const crossed = scopes.findIndex((scope, index) => {
        const total = totals[index] ?? 0;
        return total > toNanos(scope.limitUsd) && total - spent <= toNanos(scope.limitUsd);
      });
      const scope = scopes[crossed];
      if (scope === undefined) return undefined;
      return report(context, {
        phase: 'after',
        scope: scope.name,
        limitUsd: scope.limitUsd,
        spentUsd: toUsd(totals[crossed] ?? 0),
        reservedUsd: 0,
        requestUsd: spentUsd,
      });
    };
    /** Nano-USD the store holds for this call: none when the reservation failed open. */
    let held = amount;
    const settle = (spentUsd: number, streamEnded: boolean): void | Promise<void> => {
      const spent = toNanos(spentUsd);
      const totals = guard.record(context, () => answers.settle(keys, held, spent, ttlMs), (reason) => `budget: could not record spending: ${reason}`, streamEnded);
      return whenAnswered(totals, (answered) => (answered === undefined ? undefined : reportCrossed(spentUsd, spent, answered)));
    };
    const send = (): Promise<unknown> => {
      let meter: StreamMeter | undefined;
      return observeCall(() => next(context), STREAM_OPERATIONS.has(context.operation), {
        onItem: (chunk) => (meter ??= createStreamMeter()).observe(chunk),
        onEnd: (end) => {
          if (end.status === 'rejected') return settle(0, false);
          return settle(actualUsd(end.status === 'returned' ? undefined : (meter ?? createStreamMeter())), end.status !== 'returned');
        },
      });
    };

    // A store that fails open lets the call through unreserved; a reservation that lands after the
    // call stopped waiting for it is released at once.
    const reserved = guard.need(
      context,
      'reserve',
      () =>
        answers.reserve({
          scopes: scopes.map((scope, index) => ({ key: keys[index] as string, limit: toNanos(scope.limitUsd) })),
          amount,
          force: mode === 'soft',
          ttlMs,
        }),
      UNRESERVED,
      (late) => {
        if (late.admitted) void guard.record(context, () => answers.settle(keys, amount, 0, ttlMs), (reason) => `budget: release of a late reservation not confirmed: ${reason}`, true);
      },
    );
    return whenAnswered(reserved, (answer): Promise<unknown> => {
      if (answer === UNRESERVED) held = 0;
      if (answer.exceeded === undefined) return send();
      const { exceeded } = answer;
      const scope = scopes[exceeded.index] as BudgetScope;
      const reported = report(context, {
        phase: 'before',
        scope: scope.name,
        limitUsd: scope.limitUsd,
        spentUsd: toUsd(exceeded.spent),
        reservedUsd: toUsd(exceeded.reserved),
        requestUsd: reserveUsd,
      });
      return reported.then(() => {
        if (answer.admitted) return send();
        throw new BudgetExceededError(
          `budget ${scope.name} exceeded: ${formatUsd(toUsd(exceeded.spent))} spent and ` +
            `${formatUsd(toUsd(exceeded.reserved))} reserved of ${formatUsd(scope.limitUsd)}; this call may cost up to ${formatUsd(reserveUsd)}`,
          { provider: route.provider.id, model: route.model },
        );
      });
    }) as Promise<unknown>;
  }
}
