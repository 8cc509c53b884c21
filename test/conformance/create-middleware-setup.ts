import type { ClientOptions } from '../../src/index.js';
import { createCacheConformanceSetup, type MiddlewareConformanceSetup } from '../middleware/cache/cache-conformance.js';
import { CONFORMANCE_BUDGETS } from '../middleware/budget/conformance-budget.js';
import { createHooksConformanceSetup } from '../middleware/hooks/hooks-conformance.js';
import type { CallOutcome } from './evaluate-assertion.js';

/** Client options and a way to run one case, for fixtures whose assertions observe middleware. */
export interface CaseSetup {
  readonly options: ClientOptions;
  run(perform: () => Promise<CallOutcome>): Promise<CallOutcome>;
  /** False when the middleware answers without sending (a budget that rejects before the call). */
  readonly sends: boolean;
}

const direct = (perform: () => Promise<CallOutcome>): Promise<CallOutcome> => perform();

/**
 * The corpus does not carry middleware configuration; the runner supplies it per category, as the
 * conformance README asks: a cache (and a second call) for `cache`, observing hooks for `hooks`,
 * an exhausted budget through the real `budget` option for `budget`.
 */
export function createMiddlewareSetup(fixture: {
  readonly id: string;
  readonly category: string;
  readonly call: string;
  readonly assertions: ReadonlyArray<{ readonly type: string; readonly field?: string; readonly value?: unknown }>;
}): CaseSetup {
  const fromMiddleware = (setup: MiddlewareConformanceSetup): CaseSetup => ({
    options: { middleware: setup.middleware },
    run: (perform) => setup.run(perform),
    sends: true,
  });
  switch (fixture.category) {
    case 'cache':
      return fromMiddleware(createCacheConformanceSetup(fixture));
    case 'hooks':
      return fromMiddleware(createHooksConformanceSetup(fixture));
    case 'budget': {
      const budget = CONFORMANCE_BUDGETS[fixture.id];
      if (budget === undefined) throw new Error(`no budget configured for the budget fixture "${fixture.id}"`);
      return { options: { budget }, run: direct, sends: false };
    }
    default:
      return { options: {}, run: direct, sends: true };
  }
}
