import { describe, expect, it } from 'vitest';
import { convertAnthropicThinking, THINKING_BUDGETS } from '../../../src/dialects/anthropic/convert-anthropic-thinking.js';

describe('convertAnthropicThinking', () => {
  it('uses budgets of at least Anthropic’s 1,024-token minimum, growing with effort', () => {
    expect(THINKING_BUDGETS).toEqual({ minimal: 1024, low: 1024, medium: 2048, high: 4096 });
  });

  it('grows a defaulted max_tokens by the budget so the answer keeps its room', () => {
    expect(convertAnthropicThinking({ effort: 'medium', maxTokens: 4096, maxTokensGiven: false })).toEqual({
      thinking: { type: 'enabled', budget_tokens: 2048 },
      maxTokens: 6144,
      warnings: [],
    });
  });

  it('keeps a given max_tokens above the budget as it is', () => {
    expect(convertAnthropicThinking({ effort: 'low', maxTokens: 16000, maxTokensGiven: true }).maxTokens).toBe(16000);
  });

  it('raises a given max_tokens that leaves no room beside the budget, with a warning', () => {
    const result = convertAnthropicThinking({ effort: 'high', maxTokens: 500, maxTokensGiven: true });
    expect(result.maxTokens).toBe(4596);
    expect(result.thinking).toEqual({ type: 'enabled', budget_tokens: 4096 });
    expect(result.warnings).toEqual([
      'raised "max_tokens" from 500 to 4596: reasoning_effort "high" needs a thinking budget of 4096 tokens, which Anthropic counts inside max_tokens',
    ]);
  });

  it('disables thinking explicitly for none', () => {
    expect(convertAnthropicThinking({ effort: 'none', maxTokens: 100, maxTokensGiven: true })).toEqual({
      thinking: { type: 'disabled' },
      maxTokens: 100,
      warnings: [],
    });
  });
});
