import { describe, expect, it } from 'vitest';

import { describeSchemaErrors, formatSchemaErrors, toFieldPath, type SchemaError } from '../../../codegen/runtime/format-schema-errors.js';

const error = (instancePath: string, keyword: string, params: Record<string, unknown>, message?: string): SchemaError => ({
  instancePath,
  keyword,
  params,
  ...(message === undefined ? {} : { message }),
});

describe('formatSchemaErrors', () => {
  it('joins up to five problems and counts the rest', () => {
    const errors = Array.from({ length: 7 }, (_, index) => error(`/items/${index}`, 'type', { type: 'string' }, 'must be string'));
    expect(formatSchemaErrors(errors)).toBe(
      '/items/0 must be string; /items/1 must be string; /items/2 must be string; /items/3 must be string; /items/4 must be string; and 2 more problems',
    );
    expect(formatSchemaErrors(errors.slice(0, 2), 1)).toBe('/items/0 must be string; and 1 more problem');
  });

  it('names the root and survives missing errors', () => {
    expect(formatSchemaErrors([error('', 'type', { type: 'object' }, 'must be object')])).toBe('(root) must be object');
    expect(formatSchemaErrors(null)).toBe('(root) is not valid');
  });

  it("names a request's fields as the caller writes them, in the 'field' style", () => {
    const errors = [error('/messages/1/role', 'enum', { allowedValues: ['user'] }), error('', 'required', { missingProperty: 'model' })];
    expect(formatSchemaErrors(errors, 5, 'field')).toBe('messages[1].role must be one of "user"; (root) must have required property "model"');
    expect(toFieldPath('/tools/0/function/name')).toBe('tools[0].function.name');
    expect(toFieldPath('/logit_bias/a~1b c')).toBe('logit_bias["a/b c"]');
    expect(toFieldPath('/metadata/~0x/01')).toBe('metadata["~x"]["01"]');
    expect(toFieldPath('')).toBe('');
  });
});

describe('describeSchemaErrors', () => {
  it('points at a bad property name (escaped) and drops the propertyNames summary', () => {
    const specific = { ...error('/headers', 'pattern', { pattern: '^[a-z]+$' }, 'must match pattern "^[a-z]+$"'), propertyName: 'a/b~c' };
    const summary = error('/headers', 'propertyNames', { propertyName: 'a/b~c' }, 'property name must be valid');
    expect(describeSchemaErrors([specific, summary])).toEqual([
      { pointer: '/headers/a~1b~0c', reason: 'property name must match pattern "^[a-z]+$"' },
    ]);
  });

  it('words ajv keywords with their parameters', () => {
    expect(
      describeSchemaErrors([
        error('', 'additionalProperties', { additionalProperty: 'extra' }),
        error('', 'required', { missingProperty: 'id' }),
        error('/kind', 'enum', { allowedValues: ['hosted', 'local'] }),
        error('/object', 'const', { allowedValue: 'list' }),
        error('/models', 'uniqueItems', { i: 3, j: 1 }),
        error('/auth', 'discriminator', { error: 'tag', tag: 'scheme' }),
        error('/x', 'custom', {}),
      ]),
    ).toEqual([
      { pointer: '', reason: 'must NOT have additional property "extra"' },
      { pointer: '', reason: 'must have required property "id"' },
      { pointer: '/kind', reason: 'must be one of "hosted", "local"' },
      { pointer: '/object', reason: 'must be "list"' },
      { pointer: '/models', reason: 'must NOT have duplicate items (items 1 and 3 are identical)' },
      { pointer: '/auth/scheme', reason: 'must be a string naming one of the alternatives' },
      { pointer: '/x', reason: 'must pass the "custom" check' },
    ]);
  });
});
