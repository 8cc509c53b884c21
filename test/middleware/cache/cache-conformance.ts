// What the conformance runner needs for the `cache` fixtures (`cache_hit`, `cache_bypassed`).
// Usage in run-conformance.ts (runCase):
//   const setup = createCacheConformanceSetup(fixture);          // for fixture.category === 'cache'
//   const client = createClient({ ...baseOptions, middleware: setup.middleware });
//   const outcome = await setup.run(() => performCall(fixture, client));
import type { CallInfoRecord } from '../../../src/call/call-info.js';
import { createCacheMiddleware } from '../../../src/middleware/cache/create-cache-middleware.js';
import type { Middleware } from '../../../src/middleware/compose.js';
import type { CallOutcome } from '../../conformance/evaluate-assertion.js';

/** How a conformance case whose assertions observe middleware is set up and run. */
export interface MiddlewareConformanceSetup {
  /** For `createClient({ ..., middleware })`; self-contained (observers included). */
  readonly middleware: Middleware[];
  /**
   * Runs the case: `perform` makes the fixture's call once on the client built with `middleware`
   * (the runner's runUnary / runStream). Resolves to the outcome to assert on, whose `fields` also
   * carry the middleware observations.
   */
  run(perform: () => Promise<CallOutcome>): Promise<CallOutcome>;
}

/** The fixture fields a setup reads. */
export interface ConformanceFixture {
  readonly call: string;
  readonly assertions: ReadonlyArray<{ readonly type: string; readonly field?: string; readonly value?: unknown }>;
}

/** An outcome with `extra` merged into its fields. */
export function withObservations(outcome: CallOutcome, extra: Record<string, unknown>): CallOutcome {
  const fields = outcome.fields !== null && typeof outcome.fields === 'object' ? { ...(outcome.fields as object), ...extra } : extra;
  return { ...outcome, fields };
}

/** A middleware that keeps each call's record, to read once the call is over (streams included). */
export function createInfoObserver(): { middleware: Middleware; records: CallInfoRecord[] } {
  const records: CallInfoRecord[] = [];
  return {
    records,
    middleware: async function observeCallInfo(context, next) {
      records.push(context.info);
      return next(context);
    },
  };
}

/**
 * `chat` / `embed`: the call is made twice against a default cache; `cache_hit` is true when the
 * first missed and the second was served without an HTTP attempt (the outcome is the second
 * call's, so its other assertions check the cached copy). `chat_stream`: streams are not cached by
 * default; the call is made twice and `cache_bypassed` is true when both bypassed the cache and
 * both went upstream.
 */
export function createCacheConformanceSetup(fixture: ConformanceFixture): MiddlewareConformanceSetup {
  const observer = createInfoObserver();
  return {
    middleware: [observer.middleware, createCacheMiddleware(true)],
    async run(perform) {
      const repeated = ['chat', 'embed', 'chat_stream'].includes(fixture.call);
      if (repeated) await perform();
      const outcome = await perform();
      const [first, second] = repeated ? observer.records : [undefined, observer.records[0]];
      const cacheHit = first?.cache === 'miss' && second?.cache === 'hit' && second.attempts === 0;
      const cacheBypassed =
        observer.records.length > 0 && observer.records.every((record) => record.cache === 'bypass' && record.attempts >= 1);
      return withObservations(outcome, { cache_hit: cacheHit, cache_bypassed: cacheBypassed });
    },
  };
}
