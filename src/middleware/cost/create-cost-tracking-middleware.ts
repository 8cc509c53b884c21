import type { Middleware } from '../compose.js';
import { createCostCalculator, type CostCalculatorDependencies } from './create-cost-calculator.js';
import { estimateRequestTokens } from '../estimate-request-tokens.js';
import { createStreamMeter, type StreamMeter } from './create-stream-meter.js';
import { normalizeCostTrackingOptions, type CostTrackingOptions } from './normalize-cost-tracking-options.js';
import { observeCall } from '../observe-call.js';
import { PRICED_OPERATIONS, STREAM_OPERATIONS } from './priced-operations.js';
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

  return async function costTracking(context, next) {
    if (!PRICED_OPERATIONS.has(context.operation)) return next(context);
    const loaded = calculator.ready().then(
      () => true,
      () => false,
    );
    const result = await next(context);
    const { info } = context;
    if (!(await loaded)) {
      info.warnings.push('costTracking: the price table could not be loaded; costUsd is unknown');
      return result;
    }
    let meter: StreamMeter | undefined;
    return observeCall(() => Promise.resolve(result), STREAM_OPERATIONS.has(context.operation), {
      onItem: (chunk) => (meter ??= createStreamMeter()).observe(chunk),
      onEnd: (end) => {
        if (end.status === 'returned' || info.usage !== undefined || info.cache === 'hit' || !normalized.estimateStreams) {
          recordCallCost(info, calculator, info.usage);
          return;
        }
        if (end.status === 'rejected') return;
        const prompt = estimateRequestTokens(context.operation, context.request, 0).prompt;
        const completion = (meter ?? createStreamMeter()).outputTokens();
        recordCallCost(info, calculator, { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion }, true);
      },
    });
  };
}
