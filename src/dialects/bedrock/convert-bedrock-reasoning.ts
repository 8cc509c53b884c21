import type { ReasoningEffort } from '../../../generated/types/index.js';
import type { BedrockModelId } from './parse-bedrock-model-id.js';

/** Thinking budgets for Anthropic models; 1024 is Anthropic's minimum. */
export const ANTHROPIC_THINKING_BUDGETS: Readonly<Record<Exclude<ReasoningEffort, 'none'>, number>> = {
  minimal: 1024,
  low: 2048,
  medium: 8192,
  high: 16384,
};

/** Room left for the visible answer when the caller sets no max_tokens. */
const ANSWER_ROOM = 4096;

export interface BedrockReasoning {
  /** Merged into `additionalModelRequestFields`. */
  readonly fields: Record<string, unknown>;
  /** Anthropic extended thinking is on (sampling parameters and forced tools must then go). */
  readonly thinking: boolean;
  /** `inferenceConfig.maxTokens` to send (thinking needs it above the budget). */
  readonly maxTokens: number | undefined;
  readonly warnings: string[];
}

/**
 * `reasoning_effort` in the form the model's vendor reads through `additionalModelRequestFields`:
 * Anthropic `thinking.budget_tokens` (budgets above), Amazon Nova 2 `reasoningConfig`, OpenAI
 * gpt-oss `reasoning_effort`. Other vendors reason on their own or not at all: a warning says so.
 */
export function convertBedrockReasoning(
  effort: ReasoningEffort | undefined,
  model: BedrockModelId,
  maxTokens: number | undefined,
): BedrockReasoning {
  const none: BedrockReasoning = { fields: {}, thinking: false, maxTokens, warnings: [] };
  if (effort === undefined || effort === 'none') return none;
  switch (model.vendor) {
    case 'anthropic': {
      const budget = ANTHROPIC_THINKING_BUDGETS[effort];
      if (maxTokens === undefined) {
        return { fields: { thinking: { type: 'enabled', budget_tokens: budget } }, thinking: true, maxTokens: budget + ANSWER_ROOM, warnings: [] };
      }
      // OpenAI counts reasoning inside max tokens, as Anthropic does: the budget shrinks to fit.
      if (maxTokens <= ANTHROPIC_THINKING_BUDGETS.minimal) {
        return { ...none, warnings: [`reasoning_effort "${effort}" was dropped: max tokens ${maxTokens} leaves no room for Anthropic's minimum thinking budget of 1024`] };
      }
      const fitted = Math.min(budget, maxTokens - 1);
      const warnings = fitted < budget ? [`reasoning_effort "${effort}": thinking budget lowered from ${budget} to ${fitted} to fit max tokens ${maxTokens}`] : [];
      return { fields: { thinking: { type: 'enabled', budget_tokens: fitted } }, thinking: true, maxTokens, warnings };
    }
    case 'amazon':
      if (model.name.startsWith('nova-2')) {
        const level = effort === 'minimal' ? 'low' : effort;
        return { ...none, fields: { reasoningConfig: { type: 'enabled', maxReasoningEffort: level } } };
      }
      break;
    case 'openai':
      return { ...none, fields: { reasoning_effort: effort === 'minimal' ? 'low' : effort } };
    default:
      break;
  }
  return {
    ...none,
    warnings: [`reasoning_effort is not supported for ${model.vendor || 'this model'} on Bedrock and was dropped; pass the model's own reasoning fields in extra_body`],
  };
}
