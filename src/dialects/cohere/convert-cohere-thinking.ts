import type { ReasoningEffort } from '../../../generated/types/index.js';
import type { CohereThinking } from './cohere-wire-types.js';

/**
 * Thinking budgets per effort, LiteLLM's documented budgets for `reasoning_effort` (Cohere sets no
 * minimum, so `minimal` goes below `low`). Cohere's reasoning models stop thinking at the budget and
 * then answer.
 */
export const COHERE_THINKING_BUDGETS: Readonly<Record<Exclude<ReasoningEffort, 'none'>, number>> = {
  minimal: 512,
  low: 1024,
  medium: 2048,
  high: 4096,
};

/**
 * reasoning_effort as Cohere's `thinking`. Reasoning models (command-a-reasoning) think by default,
 * so `none` switches it off; models without reasoning reject `thinking`, as OpenAI's non-reasoning
 * models reject reasoning_effort. A budget of your own goes in `extra_body.thinking`.
 */
export function convertCohereThinking(effort: ReasoningEffort | undefined): CohereThinking | undefined {
  if (effort === undefined) return undefined;
  if (effort === 'none') return { type: 'disabled' };
  return { type: 'enabled', token_budget: COHERE_THINKING_BUDGETS[effort] };
}
