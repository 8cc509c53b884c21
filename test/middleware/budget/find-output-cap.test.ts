import { describe, expect, it } from 'vitest';
import { findOutputCap } from '../../../src/middleware/budget/find-output-cap.js';

describe('findOutputCap', () => {
  it('takes the largest cap a provider may read, at the top level or one object down', () => {
    expect(findOutputCap({ max_tokens: 10, max_completion_tokens: 500 })).toEqual({ tokens: 500, choices: 1 });
    expect(findOutputCap({ generationConfig: { maxOutputTokens: 800, candidateCount: 2 } })).toEqual({ tokens: 800, choices: 2 });
    expect(findOutputCap({ inferenceConfig: { maxTokens: 64 } })).toEqual({ tokens: 64, choices: 1 });
    expect(findOutputCap({ options: { num_predict: '9000' }, max_tokens: 10 })).toEqual({ tokens: 9000, choices: 1 });
    expect(findOutputCap({ max_tokens: 10, extra_body: { max_tokens: 100_000 }, n: 3, best_of: 5 })).toEqual({ tokens: 100_000, choices: 5 });
    expect(findOutputCap({ messages: [{ max_tokens: 1e9 }], tools: [{ function: { parameters: { max_tokens: 1e9 } } }] })).toEqual({ tokens: undefined, choices: 1 });
    expect(findOutputCap({ max_tokens: Number.NaN, n: -1 })).toEqual({ tokens: undefined, choices: 1 });
  });

  it('reads a cap under the name a renameParams quirk gives it', () => {
    expect(findOutputCap({ length_limit: 4000 })).toEqual({ tokens: undefined, choices: 1 });
    expect(findOutputCap({ length_limit: 4000 }, { max_tokens: 'length_limit', seed: 'random_seed' })).toEqual({ tokens: 4000, choices: 1 });
  });
});
