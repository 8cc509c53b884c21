import { describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../src/errors/error-classes.js';
import { normalizeHooksOptions } from '../../../src/middleware/hooks/normalize-hooks-options.js';

describe('normalizeHooksOptions', () => {
  it('accepts an array of hook objects, empty ones included', () => {
    const hook = { onRequest: () => undefined, onError: async () => undefined };
    expect(normalizeHooksOptions([hook, {}])).toEqual([hook, {}]);
  });

  it.each([
    [true, /^hooks must be an array/],
    [{ onRequest: () => undefined }, /^hooks must be an array/],
    [[null], /hooks\[0\] must be an object/],
    [[{}, { onRequest: 'yes' }], /hooks\[1\]\.onRequest must be a function/],
    [[{ onResquest: () => undefined }], /hooks\[0\]\.onResquest is not a hook/],
  ])('rejects %j naming the field', (hooks, message) => {
    expect(() => normalizeHooksOptions(hooks)).toThrow(ConfigurationError);
    expect(() => normalizeHooksOptions(hooks)).toThrow(message);
  });
});
