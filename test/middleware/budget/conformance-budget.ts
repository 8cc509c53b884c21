// How the conformance runner configures a client for the `budget` fixtures
// (/work/shared/conformance/fixtures/budget/*.json), which expect `BudgetExceeded` before any
// request is sent. The runner calls `createConformanceBudgetMiddleware(fixture.id)` and passes the
// result as `middleware` (or, once wired, `createClient({ budget: CONFORMANCE_BUDGETS[id] })`).
// Note for the runner: a budget case never reaches the mock server, so its "a request reached the
// mock" check must not apply to cases whose assertion is the error `BudgetExceeded`.
import type { Middleware } from '../../../src/middleware/compose.js';
import { createBudgetMiddleware } from '../../../src/middleware/budget/create-budget-middleware.js';
import type { BudgetOptions } from '../../../src/middleware/budget/normalize-budget-options.js';

/** Budget options per fixture id: an exhausted (zero) budget, globally or for the fixture's model. */
export const CONFORMANCE_BUDGETS: Readonly<Record<string, BudgetOptions>> = {
  budget_enforced: { limitUsd: 0, mode: 'hard' },
  budget_per_model: { limitUsd: 1_000, perModel: { 'gpt-4': 0 }, mode: 'hard' },
};

/** The middleware list for a fixture: a fresh budget layer for the budget cases, none otherwise. */
export function createConformanceBudgetMiddleware(fixtureId: string): Middleware[] {
  const options = CONFORMANCE_BUDGETS[fixtureId];
  return options === undefined ? [] : [createBudgetMiddleware(options)];
}
