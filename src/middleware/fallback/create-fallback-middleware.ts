import type { Middleware } from '../compose.js';
import { startCall } from '../observe-call.js';
import type { CallContext } from '../../call/call-context.js';
import type { Operation } from '../../call/operation.js';
import { callBudgetSpent } from './call-budget-spent.js';
import { classifyFallbackError } from './classify-fallback-error.js';
import { createFallbackContext } from './create-fallback-context.js';
import { normalizeFallbackOptions, type FallbackOptions, type NormalizedFallbackOptions } from './normalize-fallback-options.js';
import { planFallbackModels } from './plan-fallback-models.js';
import { runWithFailover, type FailoverPlan } from './run-with-failover.js';
import { STREAM_OPERATIONS } from '../../call/operation.js';

/**
 * Falls back to other models, in order, when a call fails with a retryable error (429, 5xx,
 * timeouts, network errors, a cooled-down or unhealthy deployment), and optionally on
 * context-window or content-policy errors; never on other client errors or aborts.
 *
 * - Lists are keyed by the model string the caller wrote (or `provider/model` of its route); the
 *   model's own list comes first, then `global`. A fallback may name a router alias: the router
 *   (placed inside this layer) serves it.
 * - Streams fall back only before the first chunk reached the caller.
 * - `callInfo(result).fallbacks` lists each model that failed before the one that served the call
 *   (whose route is `callInfo().provider` / `.model`).
 * - No model is tried once the call's `maxAttempts` requests were sent or its `timeoutMs` passed:
 *   one budget and one deadline cover the whole call (`callBudgetSpent`).
 * - When every model failed, the last error is thrown; it carries all errors of the call, in
 *   order, as a non-enumerable `errors` array (the thrown one last).
 * - A call whose request has no `model`, or uploads a `ReadableStream` (which cannot be sent
 *   twice), passes through untouched.
 *
 * @example
 * const client = createClient({
 *   middleware: [
 *     createFallbackMiddleware({
 *       models: { 'openai/gpt-4o': ['anthropic/claude-sonnet-4-5'] },
 *       global: ['groq/llama-3.3-70b-versatile'],
 *       onContextWindow: ['openai/gpt-4.1'],
 *     }),
 *   ],
 * });
 */
export function createFallbackMiddleware(options: FallbackOptions | true): Middleware {
  const normalized = normalizeFallbackOptions(options);
  return function fallback(context, next) {
    return startCall(() => {
      const model = (context.request as { model?: unknown } | undefined)?.model;
      if (typeof model !== 'string' || !canResend(context.request)) return next(context);
      const names = [model, `${context.route.provider.id}/${context.route.model}`];
      if (!hasFallbacks(normalized, names)) return next(context);
      return runWithFailover(createFallbackPlan(context, next, normalized, model, names), STREAM_OPERATIONS.has(context.operation));
    });
  };
}

function createFallbackPlan(
  context: CallContext,
  next: (context: CallContext) => Promise<unknown>,
  options: NormalizedFallbackOptions,
  model: string,
  names: readonly string[],
): FailoverPlan<string> {
  let remaining: string[] | undefined;
  return {
    first: model,
    attempt: (candidate) => next(candidate === model ? context : createFallbackContext(context, candidate)),
    next(candidate, error) {
      const reason = classifyFallbackError(error, context.options.signal, options);
      if (reason === undefined || callBudgetSpent(context, error)) return undefined;
      // The first failure decides which lists the call falls back along.
      remaining ??= planFallbackModels(options, names, reason);
      const following = remaining.shift();
      if (following !== undefined) context.info.fallbacks.push(candidate);
      return following;
    },
  };
}

function hasFallbacks(options: NormalizedFallbackOptions, names: readonly string[]): boolean {
  return (
    planFallbackModels(options, names, 'retryable').length > 0 ||
    (options.contextWindow !== undefined && planFallbackModels(options, names, 'contextWindow').length > 0) ||
    (options.contentPolicy !== undefined && planFallbackModels(options, names, 'contentPolicy').length > 0)
  );
}

function canResend(request: unknown): boolean {
  const file = (request as { file?: unknown }).file;
  return !(typeof ReadableStream !== 'undefined' && file instanceof ReadableStream);
}
