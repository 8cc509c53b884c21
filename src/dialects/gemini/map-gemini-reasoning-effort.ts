import type { ReasoningEffort } from '../../../generated/types/index.js';
import type { GeminiThinkingConfig } from './gemini-wire-types.js';

export interface MappedThinking {
  /** Undefined for models that do not think, which reject a thinkingConfig. */
  readonly thinkingConfig: GeminiThinkingConfig | undefined;
  readonly warning?: string;
}

/**
 * Gemini 2.5 budgets, as Google maps OpenAI's `reasoning_effort` on its own OpenAI-compatible
 * endpoint: low 1,024, medium 8,192, high 24,576 thinking tokens, none 0 (thinking off).
 */
const BUDGETS: Readonly<Record<Exclude<ReasoningEffort, 'none'>, number>> = { minimal: 1024, low: 1024, medium: 8192, high: 24576 };

/**
 * `reasoning_effort` as `thinkingConfig`. Gemini 3 models take a `thinkingLevel` instead of a token
 * budget and cannot turn thinking off; 2.5 models take `thinkingBudget`; 1.x and 2.0 models do not
 * think and get nothing. Thoughts are asked for
 * (`includeThoughts`) so that they surface as `reasoning_content`.
 */
export function mapGeminiReasoningEffort(effort: ReasoningEffort, model: string): MappedThinking {
  const id = model.replace(/^.*\//, '');
  if (/^gemini-(?:1\.|2\.0)/.test(id)) {
    return { thinkingConfig: undefined, warning: `reasoning_effort: ${id} does not think; dropped` };
  }
  const isGemini3 = /^gemini-3/.test(id);
  if (isGemini3) {
    if (effort === 'none') {
      return {
        thinkingConfig: { thinkingLevel: 'low', includeThoughts: false },
        warning: 'reasoning_effort "none": Gemini 3 models cannot turn thinking off; sent thinkingLevel "low"',
      };
    }
    return { thinkingConfig: { thinkingLevel: effort, includeThoughts: true } };
  }
  if (effort === 'none') return { thinkingConfig: { thinkingBudget: 0 } };
  return { thinkingConfig: { thinkingBudget: BUDGETS[effort], includeThoughts: true } };
}
