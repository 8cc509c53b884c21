import { createRandomId } from '../../transport/create-random-id.js';
import type { Usage } from '../../../generated/types/index.js';
import { BudgetExceededError } from '../../errors/error-classes.js';
import { systemClock, type Clock } from '../../transport/clock.js';
import type { Middleware } from '../compose.js';
import type { CallContext, Next } from '../../call/call-context.js';
import { withCheckpoints } from '../../call/call-checkpoints.js';
import type { WireRequest } from '../../dialects/dialect.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { answersOf } from '../in-memory-store.js';
import { whenAnswered, type MaybePromise } from '../maybe-promise.js';
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
import type { BudgetKeyState, BudgetLease, BudgetScopeLimit } from './budget-store.js';
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
 * plus its output cap, else the model's output limit from the catalogue, else
 * `defaultMaxOutputTokens`, at the model's prices) on every limit the call counts against, atomically in the store, so concurrent calls (and processes sharing a
 * Redis store) cannot overshoot together. Then, as each request is about to go on the wire (after
 * `extra_body` and quirks, on the route really taken: a fallback, a router deployment), a
 * `beforeSend` checkpoint prices it again from the wire body and reserves the difference when it
 * is dearer, or refuses it: a cap raised through `extra_body` or a dearer fallback cannot pass the
 * reservation. A model without a known price is refused there in `hard` mode unless
 * `unknownModelReservationUsd` is set. After the call its whole reservation is replaced by the
 * actual cost (reported usage; for streams, what was consumed), or released when the call failed.
 * A reservation is a lease that frees itself `leaseMarginMs` after the call's deadline (a stream's
 * is extended while it is read); a stream dropped without `return()` is settled when its idle
 * timer fires. `hard` mode rejects a call that does not fit with `BudgetExceededError` before
 * anything is sent; `soft` mode lets it through; both call `onExceeded`. A store that fails or
 * does not answer within `storeTimeoutMs` fails a hard budget's call with `StoreUnavailableError`
 * before sending (`onStoreError: 'closed'`, its default) and lets a soft budget's call through
 * unreserved with a warning (`'open'`); a reservation that lands too late is released.
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
  const { periodMs, mode, leaseMarginMs } = normalized;
  const ttlMs = periodMs === undefined ? undefined : periodMs * 2;
  // Lease ids are unique across the processes sharing a store: a random prefix per layer, then a count.
  const leasePrefix = `${createRandomId()}:`;
  let leases = 0;

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

  /**
   * Reserves the call's maximum cost on every scope, tops it up before each send when the wire
   * request may cost more, sends it, and settles what it actually cost.
   */
  function reserveAndSend(context: CallContext, next: Next, scopes: readonly BudgetScope[]): Promise<unknown> {
    const { info, route, options } = context;
    const stream = STREAM_OPERATIONS.has(context.operation);
    const period = periodMs === undefined ? 'all' : String(Math.floor(clock.now() / periodMs));
    const keys = scopes.map((scope) => `${scope.name}|${period}`);
    const limits: BudgetScopeLimit[] = scopes.map((scope, index) => ({ key: keys[index] as string, limit: toNanos(scope.limitUsd) }));
    const leaseId = leasePrefix + (leases++).toString(36);
    /** When the lease ends by this process's clock, as last set: the call's deadline plus the margin. */
    let leaseUntil = 0;
    const leaseFor = (untilMs: number): BudgetLease => {
      leaseUntil = Math.max(leaseUntil, untilMs);
      return { id: leaseId, ms: Math.max(0, untilMs - Date.now()) };
    };
    /** Nano-USD this call's lease holds. */
    let held = 0;
    let meter: StreamMeter | undefined;
    let settled = false;
    /** Whether the call went on to be sent: from then on its settlement releases the lease. */
    let sending = false;
    const warnedRoutes: string[] = [];

    /** The most the call may cost on `target`; a warning (once per route) when its price is unknown. */
    const maxCostOn = (target: ResolvedRoute, request: unknown, sent: WireRequest | undefined): number | undefined => {
      const prices = calculator.priceOf(target.provider.id, target.model);
      if (prices !== undefined) {
        const body = sent === undefined ? undefined : { body: sent.body, renameParams: target.provider.quirks.renameParams };
        // No cap in the request: the most the model can write, as the catalogue knows it.
        const fallbackCap = calculator.outputLimitOf(target.provider.id, target.model) ?? normalized.defaultMaxOutputTokens;
        return estimateMaxCost(prices, request, context.operation, fallbackCap, body);
      }
      const name = `${target.provider.id}/${target.model}`;
      if (sent !== undefined && normalized.unknownModelReservationUsd === undefined && mode === 'hard') return undefined;
      if (!warnedRoutes.includes(name)) {
        warnedRoutes.push(name);
        info.warnings.push(`budget: no price known for ${name}; reserved ${formatUsd(normalized.unknownModelReservationUsd ?? 0)}`);
      }
      return normalized.unknownModelReservationUsd ?? 0;
    };
    const upfrontUsd = maxCostOn(route, context.request, undefined) as number;

    /** The call's actual cost: what an inner cost layer found, else reported or estimated usage, else the reservation. */
    const actualUsd = (streamed: StreamMeter | undefined): number => {
      if (info.cache === 'hit') return 0;
      if (typeof info.costUsd === 'number') return info.costUsd;
      let usage: Usage | undefined = info.usage;
      if (usage === undefined && streamed !== undefined) {
        usage = { prompt_tokens: estimateRequestTokens(context.operation, context.request, 0).prompt, completion_tokens: streamed.outputTokens() };
      }
      return (usage === undefined ? undefined : calculator.costOf(info.provider, info.model, usage)) ?? toUsd(held);
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
    /** Ends the lease, once: a dropped stream is settled by its idle timer, and again by nothing else. */
    const settle = (spentUsd: number, streamEnded: boolean): void | Promise<void> => {
      if (settled) return undefined;
      settled = true;
      const spent = toNanos(spentUsd);
      const totals = guard.record(context, () => answers.settle(keys, leaseId, spent, ttlMs), (reason) => `budget: could not record spending: ${reason}`, streamEnded);
      return whenAnswered(totals, (answered) => (answered === undefined ? undefined : reportCrossed(spentUsd, spent, answered)));
    };

    /** Reserves `usd` in all for this call (the difference to what it holds); rejects in hard mode when it does not fit. */
    const reserveUpTo = (usd: number, target: ResolvedRoute, until: number): MaybePromise<void> => {
      const amount = toNanos(usd) - held;
      // A store that fails open lets the call through with nothing more held. A reservation that
      // lands after the call stopped waiting is in the lease, which the call's settlement releases
      // whole; when the call has settled, or failed before sending, it is released at once.
      const reserved = guard.need(
        context,
        'reserve',
        () => answers.reserve({ scopes: limits, amount, lease: leaseFor(until), force: mode === 'soft', ttlMs }),
        UNRESERVED,
        (late) => {
          if (!late.admitted || (sending && !settled)) return;
          void guard.record(context, () => answers.settle(keys, leaseId, 0, ttlMs), (reason) => `budget: release of a late reservation not confirmed: ${reason}`, true);
        },
      );
      return whenAnswered(reserved, (answer): MaybePromise<void> => {
        if (answer === UNRESERVED) return undefined;
        if (answer.admitted) held += amount;
        if (answer.exceeded === undefined) return undefined;
        const { exceeded } = answer;
        const scope = scopes[exceeded.index] as BudgetScope;
        const ownHeld = answer.admitted ? held - amount : held;
        const reported = report(context, {
          phase: 'before',
          scope: scope.name,
          limitUsd: scope.limitUsd,
          spentUsd: toUsd(exceeded.spent),
          reservedUsd: toUsd(Math.max(0, exceeded.reserved - ownHeld)),
          requestUsd: usd,
        });
        return reported.then(() => {
          if (!answer.admitted) throw exceededError(scope, exceeded, ownHeld, usd, target);
        });
      });
    };

    /** The `beforeSend` checkpoint: the wire request priced on the route it goes to. */
    const checkWire = (wire: WireRequest, sending: CallContext): void | Promise<void> => {
      const usd = maxCostOn(sending.route, sending.request, wire);
      if (usd === undefined) throw unknownPriceError(sending.route);
      // This send may run until its own timeout; the margin absorbs the small overrun of a first send.
      const until = Date.now() + options.timeoutMs + leaseMarginMs;
      if (toNanos(usd) > held) return reserveUpTo(usd, sending.route, until) as void | Promise<void>;
      keepLease(until);
      return undefined;
    };
    /** Moves the lease's end to `until` when that is due: at most one store write per half margin. */
    const keepLease = (until: number): void => {
      if (settled || until - leaseUntil <= leaseMarginMs / 2) return;
      const lease = leaseFor(until);
      void guard.record(context, () => answers.extend(keys, lease.id, lease.ms), (reason) => `budget: could not extend the reservation: ${reason}`, true);
    };

    const send = (): Promise<unknown> => {
      sending = true;
      const checked = withCheckpoints(context, {
        beforeSend: [checkWire],
        // The consumer may never pull again: settle now, at the cost of what was streamed.
        onStreamIdle: stream ? [() => void settle(actualUsd(meter ?? createStreamMeter()), true)] : [],
      });
      return observeCall(() => next(checked), stream, {
        onItem: (chunk) => {
          (meter ??= createStreamMeter()).observe(chunk);
          // A stream read past its deadline keeps its lease while chunks arrive (each within timeoutMs).
          keepLease(Date.now() + options.timeoutMs + leaseMarginMs);
        },
        onEnd: (end) => {
          if (end.status === 'rejected') return settle(0, false);
          return settle(actualUsd(end.status === 'returned' ? undefined : (meter ?? createStreamMeter())), end.status !== 'returned');
        },
      });
    };

    return whenAnswered(reserveUpTo(upfrontUsd, route, options.deadlineAt + leaseMarginMs), send) as Promise<unknown>;
  }
}

function exceededError(scope: BudgetScope, exceeded: BudgetKeyState, ownHeld: number, usd: number, route: ResolvedRoute): BudgetExceededError {
  const others = Math.max(0, exceeded.reserved - ownHeld);
  return new BudgetExceededError(
    `budget ${scope.name} exceeded: ${formatUsd(toUsd(exceeded.spent))} spent and ` +
      `${formatUsd(toUsd(others))} reserved of ${formatUsd(scope.limitUsd)}; this call may cost up to ${formatUsd(usd)}`,
    { provider: route.provider.id, model: route.model },
  );
}

function unknownPriceError(route: ResolvedRoute): BudgetExceededError {
  const name = `${route.provider.id}/${route.model}`;
  return new BudgetExceededError(
    `budget: the price of ${name} is unknown, so a hard budget cannot bound this call; ` +
      `set budget.prices["${name}"] or budget.unknownModelReservationUsd`,
    { provider: route.provider.id, model: route.model },
  );
}
