import { describe, expect, it } from 'vitest';
import { findCloseMatches } from '../../src/routing/find-close-matches.js';
import { parseModelString } from '../../src/routing/parse-model-string.js';

describe('findCloseMatches', () => {
  const ids = ['openai', 'openrouter', 'anthropic', 'groq', 'grok_mock', 'together_ai', 'ollama'];

  it('finds typos, best first', () => {
    expect(findCloseMatches('gorq', ids)[0]).toBe('groq');
    expect(findCloseMatches('opnai', ids)[0]).toBe('openai');
    expect(findCloseMatches('antropic', ids)).toEqual(['anthropic']);
  });

  it('finds containment', () => {
    expect(findCloseMatches('together', ids)).toContain('together_ai');
  });

  it('returns nothing for unrelated names', () => {
    expect(findCloseMatches('zzzzzzzz', ids)).toEqual([]);
  });
});

describe('parseModelString', () => {
  it('splits at the first slash only', () => {
    expect(parseModelString('vllm/meta-llama/Llama-3.2-1B')).toEqual({ prefix: 'vllm', model: 'meta-llama/Llama-3.2-1B' });
    expect(parseModelString('gpt-4o')).toEqual({ prefix: undefined, model: 'gpt-4o' });
    expect(parseModelString('/leading')).toEqual({ prefix: undefined, model: '/leading' });
  });
});
