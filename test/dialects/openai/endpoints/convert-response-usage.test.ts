import { describe, expect, it } from 'vitest';
import { convertResponseUsage } from '../../../../src/dialects/openai/endpoints/convert-response-usage.js';

describe('convertResponseUsage', () => {
  it('keeps cached input and reasoning tokens', () => {
    expect(
      convertResponseUsage({
        input_tokens: 100,
        output_tokens: 40,
        total_tokens: 140,
        input_tokens_details: { cached_tokens: 60 },
        output_tokens_details: { reasoning_tokens: 25 },
      } as never),
    ).toEqual({
      prompt_tokens: 100,
      completion_tokens: 40,
      total_tokens: 140,
      prompt_tokens_details: { cached_tokens: 60 },
      completion_tokens_details: { reasoning_tokens: 25 },
    });
  });

  it('fills the total and leaves absent details out', () => {
    expect(convertResponseUsage({ input_tokens: 3, output_tokens: 2 })).toEqual({ prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 });
  });
});
