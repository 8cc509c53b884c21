// What the conformance runner needs for the `hooks` fixtures (`hook_on_request_called`,
// `hook_on_response_called`, `hook_on_error_called`, and guardrail cases expecting `HookRejected`).
// Usage in run-conformance.ts (runCase):
//   const setup = createHooksConformanceSetup(fixture);          // for fixture.category === 'hooks'
//   const client = createClient({ ...baseOptions, middleware: setup.middleware });
//   const outcome = await setup.run(() => performCall(fixture, client));
import { createHooksMiddleware } from '../../../src/middleware/hooks/create-hooks-middleware.js';
import { withObservations, type ConformanceFixture, type MiddlewareConformanceSetup } from '../cache/cache-conformance.js';

/**
 * One recording hook; each `hook_on_*_called` field is true when that hook ran exactly once. When
 * the fixture expects a `HookRejected` error, the `onRequest` hook rejects the call (a guardrail).
 *
 * A fixture that observes `hook_on_error_called` without an `error` or `not_error` assertion
 * (hook_on_error) makes the call fail on purpose: the mock's error is the trigger, not the
 * outcome under test. When `onError` saw it, the outcome is reported as expected (`ok`, with the
 * `error` fields kept), since the runner otherwise fails any case whose call threw unasked.
 */
export function createHooksConformanceSetup(fixture: ConformanceFixture): MiddlewareConformanceSetup {
  const counts = { onRequest: 0, onResponse: 0, onError: 0 };
  const rejects = fixture.assertions.some((assertion) => assertion.type === 'error' && assertion.value === 'HookRejected');
  const triggersError =
    fixture.assertions.some((assertion) => assertion.type === 'is_true' && assertion.field === 'hook_on_error_called') &&
    !fixture.assertions.some((assertion) => assertion.type === 'error' || assertion.type === 'not_error');
  const hooks = createHooksMiddleware([
    {
      onRequest: () => {
        counts.onRequest += 1;
        if (rejects) throw new Error('conformance guardrail: request rejected');
      },
      onResponse: () => {
        counts.onResponse += 1;
      },
      onError: () => {
        counts.onError += 1;
      },
    },
  ]);
  return {
    middleware: [hooks],
    async run(perform) {
      let outcome = await perform();
      if (!outcome.ok && triggersError && counts.onError === 1) outcome = { ok: true, fields: outcome.fields };
      return withObservations(outcome, {
        hook_on_request_called: counts.onRequest === 1,
        hook_on_response_called: counts.onResponse === 1,
        hook_on_error_called: counts.onError === 1,
      });
    },
  };
}
