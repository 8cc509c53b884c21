import type { Middleware } from '../compose.js';
import { createCostCalculator, type CostCalculatorDependencies } from './create-cost-calculator.js';
import { estimateRequestTokens } from '../estimate-request-tokens.js';
import { createStreamMeter, type StreamMeter } from './create-stream-meter.js';
import { normalizeCostTrackingOptions, type CostTrackingOptions } from './normalize-cost-tracking-options.js';
import type { CallContext } from '../../call/call-context.js';
import { observeCall, startCall, type CallObserver } from '../observe-call.js';
import { STREAM_OPERATIONS } from '../../call/operation.js';
import { PRICED_OPERATIONS } from './priced-operations.js';
import { recordCallCost } from './record-call-cost.js';

export type CostTrackingDependencies = CostCalculatorDependencies;

/**
 * Puts the USD cost of each chat, completion, embedding and Responses call on `callInfo(result).costUsd`,
 * from the provider's reported usage (input, cached input, cache writes, output and reasoning
 * tokens, tiered prices) and the price table derived from `@pydantic/genai-prices`, loaded on the
 * first call. Streams get their cost when they end, partial streams included: from reported usage,
 * else estimated from the text sent and received (with a warning). An unknown model leaves
 * `costUsd` undefined and adds a warning; a cache hit costs 0.
 *
 * @example
 * const client = createClient({ middleware: [createCostTrackingMiddleware(true)] });
 * const response = await client.chat({ model: 'openai/gpt-4o-mini', messages });
 * callInfo(response).costUsd; // e.g. 0.000021
 */
export function createCostTrackingMiddleware(
  options: CostTrackingOptions | true = true,
  dependencies: CostTrackingDependencies = {},
): Middleware {
  const normalized = normalizeCostTrackingOptions(options);
  const calculator = createCostCalculator({ prices: normalized.prices }, dependencies);

  /** Records the cost of a call once it settled (a stream's when it ends). */
  const observerOf = (context: CallContext): CallObserver => {
    const { info } = context;
    let meter: StreamMeter | undefined;
    return {
      onItem: (chunk) => (meter ??= createStreamMeter()).observe(chunk),
      onEnd: (end) => {
        // A failed call costs nothing here: the error is what the caller gets.
        if (end.status === 'rejected') return;
        if (end.status === 'returned' || info.usage !== undefined || info.cache === 'hit' || !normalized.estimateStreams) {
          recordCallCost(info, calculator, info.usage);
          return;
        }
        const prompt = estimateRequestTokens(context.operation, context.request, 0).prompt;
        const completion = (meter ?? createStreamMeter()).outputTokens();
        recordCallCost(info, calculator, { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion }, true);
      },
    };
  };

  return function costTracking(context, next) {
    if (!PRICED_OPERATIONS.has(context.operation)) return startCall(() => next(context));
    const stream = STREAM_OPERATIONS.has(context.operation);
    if (calculator.isReady()) return observeCall(() => next(context), stream, observerOf(context));
    // The first calls: the price table loads while the call runs.
    const loaded = calculator.ready().then(
      () => true,
      () => false,
    );
    return startCall(() => next(context)).then(async (result) => {
      if (!(await loaded)) {
        context.info.warnings.push('costTracking: the price table could not be loaded; costUsd is unknown');
        return result;
      }
      return observeCall(() => Promise.resolve(result), stream, observerOf(context));
    });
  };
}
