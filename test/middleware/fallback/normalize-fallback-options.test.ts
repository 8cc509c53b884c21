import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../src/errors/error-classes.js';
import { normalizeFallbackOptions, type FallbackOptions } from '../../../src/middleware/fallback/normalize-fallback-options.js';
import { planFallbackModels } from '../../../src/middleware/fallback/plan-fallback-models.js';

describe('normalizeFallbackOptions', () => {
  it('normalizes lists and triggers', () => {
    const options = normalizeFallbackOptions({
      models: { a: ['b'] },
      global: ['g'],
      onContextWindow: true,
      onContentPolicy: { a: ['c'] },
    });
    expect([...options.retryable.models]).toEqual([['a', ['b']]]);
    expect(options.retryable.global).toEqual(['g']);
    expect(options.contextWindow).toBe(options.retryable);
    expect([...(options.contentPolicy?.models ?? [])]).toEqual([['a', ['c']]]);
    expect(options.contentPolicy?.global).toEqual([]);
    expect(normalizeFallbackOptions({ global: ['g'], onContextWindow: false }).contextWindow).toBeUndefined();
  });

  it.each<[unknown, string]>([
    [true, 'fallback: true names no fallback models'],
    [{}, 'fallback names no fallback models'],
    [{ models: { a: [] } }, 'fallback names no fallback models'],
    [[], 'fallback must be an object'],
    [{ model: {} }, 'fallback.model is not an option'],
    [{ models: ['a'] }, 'fallback.models must be an object'],
    [{ models: { a: 'b' } }, 'fallback.models["a"] must be an array'],
    [{ models: { a: ['b', ''] } }, 'fallback.models["a"][1] must be a non-empty model string'],
    [{ models: { ' ': ['b'] } }, 'fallback.models has an empty model name'],
    [{ global: 'g' }, 'fallback.global must be an array'],
    [{ global: ['g'], onContextWindow: 'yes' }, 'fallback.onContextWindow must be true, false'],
    [{ global: ['g'], onContentPolicy: [3] }, 'fallback.onContentPolicy[0] must be a non-empty model string'],
  ])('rejects %j naming the field', (options, message) => {
    expect(() => normalizeFallbackOptions(options as FallbackOptions)).toThrow(ConfigurationError);
    expect(() => normalizeFallbackOptions(options as FallbackOptions)).toThrow(message);
  });
});

describe('planFallbackModels', () => {
  const options = normalizeFallbackOptions({ models: { a: ['b', 'c'], 'p/a': ['z'] }, global: ['c', 'd'], onContentPolicy: ['e'] });

  it('takes the first name with a list, then the global list, without repeats or the names', () => {
    expect(planFallbackModels(options, ['a', 'p/a'], 'retryable')).toEqual(['b', 'c', 'd']);
    expect(planFallbackModels(options, ['x', 'p/a'], 'retryable')).toEqual(['z', 'c', 'd']);
    expect(planFallbackModels(options, ['d'], 'retryable')).toEqual(['c']);
  });

  it('uses the trigger lists, and nothing for a trigger that is off', () => {
    expect(planFallbackModels(options, ['a'], 'contentPolicy')).toEqual(['e']);
    expect(planFallbackModels(options, ['a'], 'contextWindow')).toEqual([]);
  });
});
