import type { ReasoningEffort } from '../../../generated/types/index.js';
import type { AnthropicThinkingConfig } from './anthropic-wire-types.js';

/**
 * Thinking budgets per effort, as LiteLLM documents them for `reasoning_effort` on Anthropic
 * (https://docs.litellm.ai/docs/reasoning_content), so code moving from LiteLLM thinks as much.
 * 1,024 is Anthropic's documented minimum `budget_tokens`, which `minimal` uses too.
 */
export const THINKING_BUDGETS: Readonly<Record<Exclude<ReasoningEffort, 'none'>, number>> = {
  minimal: 1024,
  low: 1024,
  medium: 2048,
  high: 4096,
};

export interface AnthropicThinkingInput {
  readonly effort: ReasoningEffort;
  /** The request's `max_tokens` (or `max_completion_tokens`), or the default when it gave none. */
  readonly maxTokens: number;
  readonly maxTokensGiven: boolean;
  /** The model's output limit (from the catalogue), which a defaulted `max_tokens` never grows past. */
  readonly modelLimit?: number;
}

export interface AnthropicThinking {
  readonly thinking: AnthropicThinkingConfig;
  readonly maxTokens: number;
  readonly warnings: string[];
}

/**
 * `reasoning_effort` as Anthropic's `thinking`. `none` disables thinking explicitly (some
 * Anthropic-compatible models think by default). Anthropic counts thinking inside `max_tokens` and
 * requires `budget_tokens < max_tokens`: a defaulted `max_tokens` grows by the budget so the answer
 * keeps its room (up to the model's output limit when known), and a given one too small for the
 * budget is raised, with a warning.
 */
export function convertAnthropicThinking(input: AnthropicThinkingInput): AnthropicThinking {
  if (input.effort === 'none') return { thinking: { type: 'disabled' }, maxTokens: input.maxTokens, warnings: [] };
  const budget = THINKING_BUDGETS[input.effort];
  const thinking: AnthropicThinkingConfig = { type: 'enabled', budget_tokens: budget };
  if (!input.maxTokensGiven) {
    const grown = input.maxTokens + budget;
    const limit = input.modelLimit;
    return { thinking, maxTokens: limit !== undefined && limit > budget ? Math.min(grown, limit) : grown, warnings: [] };
  }
  if (input.maxTokens > budget) return { thinking, maxTokens: input.maxTokens, warnings: [] };
  const maxTokens = input.maxTokens + budget;
  return {
    thinking,
    maxTokens,
    warnings: [
      `raised "max_tokens" from ${input.maxTokens} to ${maxTokens}: reasoning_effort "${input.effort}" needs a thinking budget of ${budget} tokens, which Anthropic counts inside max_tokens`,
    ],
  };
}
