import type { Usage } from '../../../generated/types/index.js';
import { createCostCalculator, type CostCalculatorDependencies, type CostCalculatorOptions } from './create-cost-calculator.js';

/**
 * USD for one call's `usage` on a served `provider` and `model` (our registry ids, e.g.
 * `('anthropic', 'claude-sonnet-4-20250514', usage)`), or undefined when the model has no price.
 * Loads the price table on first use; for many calls keep one `createCostCalculator()` instead.
 *
 * @example
 * const usd = await computeCost('openai', 'gpt-4o', { prompt_tokens: 1200, completion_tokens: 300 });
 */
export function computeCost(
  provider: string,
  model: string,
  usage: Usage,
  options: CostCalculatorOptions = {},
  dependencies: CostCalculatorDependencies = {},
): Promise<number | undefined> {
  return createCostCalculator(options, dependencies).computeCost(provider, model, usage);
}
