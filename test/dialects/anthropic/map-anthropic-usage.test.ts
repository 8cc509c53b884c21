import { describe, expect, it } from 'vitest';
import { mapAnthropicUsage } from '../../../src/dialects/anthropic/map-anthropic-usage.js';

describe('mapAnthropicUsage', () => {
  it('maps plain usage', () => {
    expect(mapAnthropicUsage({ input_tokens: 2095, output_tokens: 503 })).toEqual({ prompt_tokens: 2095, completion_tokens: 503, total_tokens: 2598 });
  });

  it('counts cache writes and reads into prompt_tokens and keeps them in the details', () => {
    expect(mapAnthropicUsage({ input_tokens: 21, cache_creation_input_tokens: 188086, cache_read_input_tokens: 0, output_tokens: 393 })).toEqual({
      prompt_tokens: 188107,
      completion_tokens: 393,
      total_tokens: 188500,
      prompt_tokens_details: { cached_tokens: 0, cache_write_tokens: 188086 },
    });
    expect(mapAnthropicUsage({ input_tokens: 21, cache_creation_input_tokens: 0, cache_read_input_tokens: 188086, output_tokens: 393 })).toEqual({
      prompt_tokens: 188107,
      completion_tokens: 393,
      total_tokens: 188500,
      prompt_tokens_details: { cached_tokens: 188086, cache_write_tokens: 0 },
    });
  });

  it('reads missing or null counts as zero', () => {
    expect(mapAnthropicUsage({ output_tokens: 4, cache_read_input_tokens: null })).toEqual({ prompt_tokens: 0, completion_tokens: 4, total_tokens: 4 });
  });
});
