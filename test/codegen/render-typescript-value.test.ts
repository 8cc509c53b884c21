import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { renderTypeScriptValue } from '../../codegen/render-typescript-value.js';

describe('renderTypeScriptValue', () => {
  it('writes one property or item per line, identifier keys bare and others quoted', () => {
    expect(renderTypeScriptValue({ a: 1, 'b-c': [true, null, 'x'], d: {}, e: [] })).toBe(
      '{\na: 1,\n"b-c": [\ntrue,\nnull,\n"x",\n],\nd: {},\ne: [],\n}',
    );
  });

  it('keeps a __proto__ key as data', () => {
    const value = JSON.parse('{"__proto__": {"polluted": true}}') as unknown;
    const rendered = renderTypeScriptValue(value);
    expect(rendered).toContain('["__proto__"]');
    expect(new Function(`return ${rendered};`)()).toEqual(value);
  });

  it('evaluates back to the same JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const normalized = JSON.parse(JSON.stringify(value)) as unknown;
        expect(new Function(`return ${renderTypeScriptValue(normalized)};`)()).toStrictEqual(normalized);
      }),
    );
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => renderTypeScriptValue(undefined)).toThrow(TypeError);
    expect(() => renderTypeScriptValue(Number.NaN)).toThrow(TypeError);
  });
});
