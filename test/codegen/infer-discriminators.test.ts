import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { inferDiscriminators } from '../../codegen/infer-discriminators.js';
import type { JsonObject } from '../../codegen/ir.js';
import { REGISTRY_SCHEMA } from './create-scenario-inputs.js';

const tagged = {
  $defs: {
    Cat: { type: 'object', required: ['kind'], properties: { kind: { const: 'cat' }, lives: { type: 'integer' } } },
  },
  oneOf: [
    { $ref: '#/$defs/Cat' },
    { type: 'object', required: ['kind', 'bark'], properties: { kind: { enum: ['dog', 'wolf'] }, bark: { type: 'string' } } },
  ],
};

describe('inferDiscriminators', () => {
  it('adds a discriminator (and type object) to a oneOf told apart by a required const or enum', () => {
    const result = inferDiscriminators(tagged);
    expect(result).toMatchObject({ discriminator: { propertyName: 'kind' }, type: 'object' });
    expect(tagged).not.toHaveProperty('discriminator');
  });

  it.each([
    ['a tag that is not required everywhere', { oneOf: [{ type: 'object', properties: { t: { const: 'a' } } }, { type: 'object', required: ['t'], properties: { t: { const: 'b' } } }] }],
    ['tags that repeat', { oneOf: [{ type: 'object', required: ['t'], properties: { t: { const: 'a' } } }, { type: 'object', required: ['t'], properties: { t: { const: 'a' } } }] }],
    ['an alternative that may not be an object', { oneOf: [{ required: ['t'], properties: { t: { const: 'a' } } }, { type: 'object', required: ['t'], properties: { t: { const: 'b' } } }] }],
    ['a non-object parent type', { type: 'string', oneOf: [{ type: 'object', required: ['t'], properties: { t: { const: 'a' } } }, { type: 'object', required: ['t'], properties: { t: { const: 'b' } } }] }],
  ])('leaves alone %s', (_case, schema) => {
    expect(inferDiscriminators(schema)).toEqual(schema);
  });

  it('does not touch data keywords', () => {
    const schema = { const: { oneOf: [{ type: 'object', required: ['t'], properties: { t: { const: 'a' } } }, { type: 'object', required: ['t'], properties: { t: { const: 'b' } } }] } };
    expect(inferDiscriminators(schema)).toEqual(schema);
  });

  it('never changes which data is valid', () => {
    const plain = new Ajv2020({ allErrors: true, strictTypes: false });
    const inferred = new Ajv2020({ allErrors: true, strictTypes: false, discriminator: true });
    const schemas = [tagged, REGISTRY_SCHEMA as JsonObject];
    const validators = schemas.map((schema) => [plain.compile(schema), inferred.compile(inferDiscriminators(schema))] as const);
    const value = fc.oneof(
      fc.constantFrom('cat', 'dog', 'wolf', 'bearer', 'header', 'query', 'none', 'X_KEY', 'x'),
      fc.integer(),
      fc.constant(null),
    );
    const auth = fc.dictionary(fc.constantFrom('scheme', 'kind', 'envVar', 'header', 'param', 'bark', 'lives', 'optional', 'prefix'), value);
    const candidate = fc.oneof(auth, value, fc.array(value, { maxLength: 2 }));
    const provider = (authValue: unknown) => ({
      providers: [{ id: 'p', name: 'P', kind: 'hosted', baseURL: 'https://p.dev', auth: authValue, endpoints: { chat: { path: '/c' } } }],
    });
    fc.assert(
      fc.property(candidate, (data) => {
        const [catsPlain, catsInferred] = validators[0] ?? [];
        const [registryPlain, registryInferred] = validators[1] ?? [];
        expect(catsInferred?.(data)).toBe(catsPlain?.(data));
        expect(registryInferred?.(provider(data))).toBe(registryPlain?.(provider(data)));
      }),
      { numRuns: 2000 },
    );
  });
});
