import type { ReasoningEffort } from '../../src/index.js';
import { THINKING_BUDGETS } from '../../src/dialects/anthropic/convert-anthropic-thinking.js';
import { invalid, readRequestField } from './read-request-field.js';

/** Anthropic's `output_config.effort` levels, the two above `high` read as OpenAI's highest. */
const EFFORTS: Readonly<Record<string, Exclude<ReasoningEffort, 'none' | 'minimal'>>> = {
  low: 'low',
  medium: 'medium',
  high: 'high',
  xhigh: 'high',
  max: 'high',
};

/**
 * Anthropic's `thinking` (and `output_config.effort`) as the SDK's `reasoning_effort`, for a
 * provider that is not Anthropic: the faithful inverse of the SDK's budgets (minimal/low 1,024,
 * medium 2,048, high 4,096), so `enabled` with a budget becomes the highest effort whose budget
 * fits in it; `adaptive` becomes the given effort, else `medium`; `disabled` (Anthropic's
 * default) asks for nothing. The budget is checked as Anthropic does (at least 1,024, below
 * `max_tokens`). An Anthropic upstream gets `thinking` unchanged instead (see the caller).
 */
export function convertAnthropicRequestThinking(thinking: unknown, effort: unknown, maxTokens: number): ReasoningEffort | undefined {
  const givenEffort = effort === undefined || effort === null ? undefined : readEffort(effort);
  if (thinking === undefined || thinking === null) return givenEffort;
  const config = readRequestField.record(thinking, 'thinking');
  switch (config.type) {
    case 'disabled':
      return undefined;
    case 'adaptive':
      return givenEffort ?? 'medium';
    case 'enabled': {
      const budget = readRequestField.integer(config.budget_tokens, 'thinking.budget_tokens', THINKING_BUDGETS.low);
      if (budget >= maxTokens) throw invalid('thinking.budget_tokens', `must be less than max_tokens (${maxTokens})`);
      if (budget >= THINKING_BUDGETS.high) return 'high';
      return budget >= THINKING_BUDGETS.medium ? 'medium' : 'low';
    }
    default:
      throw invalid('thinking.type', `must be "enabled", "adaptive" or "disabled", not ${JSON.stringify(config.type)}`);
  }
}

function readEffort(value: unknown): ReasoningEffort {
  const effort = typeof value === 'string' && Object.hasOwn(EFFORTS, value) ? EFFORTS[value] : undefined;
  if (effort === undefined) throw invalid('output_config.effort', `must be one of ${Object.keys(EFFORTS).join(', ')}, not ${JSON.stringify(value)}`);
  return effort;
}
