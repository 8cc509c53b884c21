import { describe, expect, it } from 'vitest';
import { mapGeminiUsage } from '../../../src/dialects/gemini/map-gemini-usage.js';

describe('mapGeminiUsage', () => {
  it('adds thoughts to completion tokens and tool-use prompt tokens to prompt tokens, keeping the cached count', () => {
    expect(
      mapGeminiUsage({
        promptTokenCount: 100,
        cachedContentTokenCount: 60,
        toolUsePromptTokenCount: 5,
        candidatesTokenCount: 20,
        thoughtsTokenCount: 30,
        totalTokenCount: 155,
      }),
    ).toEqual({
      prompt_tokens: 105,
      completion_tokens: 50,
      total_tokens: 155,
      prompt_tokens_details: { cached_tokens: 60 },
      completion_tokens_details: { reasoning_tokens: 30 },
    });
  });

  it('computes the total when Gemini leaves it out, and gives nothing for no metadata', () => {
    expect(mapGeminiUsage({ promptTokenCount: 4, candidatesTokenCount: 2 })).toEqual({ prompt_tokens: 4, completion_tokens: 2, total_tokens: 6 });
    expect(mapGeminiUsage(undefined)).toBeUndefined();
  });
});
