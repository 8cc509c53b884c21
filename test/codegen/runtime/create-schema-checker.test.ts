import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';

import { buildIr } from '../../../codegen/build-ir.js';
import { createSchemaTable } from '../../../codegen/create-schema-table.js';
import { loadInputs } from '../../../codegen/load-inputs.js';
import { createSchemaChecker, type JsonSchema } from '../../../codegen/runtime/create-schema-checker.js';
import { formatSchemaErrors, type SchemaError } from '../../../codegen/runtime/format-schema-errors.js';
import { validateApiSchemas } from '../../../codegen/validate-api-schemas.js';
import { validateRegistry } from '../../../codegen/validate-registry.js';

/**
 * The generated validators used to be ajv's standalone code compiled with these options. The
 * checker must report exactly what that code reported (keyword, place, parameters, message, in
 * order) for every validator of the project, on thousands of generated samples, valid and not.
 */
const AJV_OPTIONS = { allErrors: true, discriminator: true, strictTypes: false, strictTuples: false, validateFormats: false } as const;
const SAMPLES = 400;

const inputs = loadInputs({ rootDir: new URL('../../../', import.meta.url).pathname });
const ir = buildIr({
  providers: validateRegistry(inputs.registry, inputs.registrySchema),
  apiSchemas: validateApiSchemas(inputs.apiSchemas),
  registrySchema: inputs.registrySchema,
});

type Random = () => number;
function createRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const STRINGS = ['', 'a', 'user', 'assistant', 'GROQ_API_KEY', 'gpt-4o', 'https://example.com/v1', 'x/y', 'a~b', '😀', 'bearer', 'auto'];
const JUNK: unknown[] = [null, true, 0, -1, 1.5, 'text', '', [], [1, 1], {}, { a: 1 }];

/** A value shaped by `schema`, made wrong here and there (a wrong type, a missing or extra field). */
function sample(schema: JsonSchema, definitions: Record<string, JsonSchema>, random: Random, depth: number, rate: number): unknown {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  if (typeof schema === 'boolean' || random() < rate || depth > 7) return pick(JUNK);
  const node = schema as Record<string, unknown>;
  if (typeof node['$ref'] === 'string') return sample(definitions[decodeURIComponent(node['$ref'].slice(8))] as JsonSchema, definitions, random, depth + 1, rate);
  if (node['const'] !== undefined) return node['const'];
  if (Array.isArray(node['enum'])) return pick(node['enum']);
  for (const keyword of ['anyOf', 'oneOf'] as const) {
    if (Array.isArray(node[keyword])) return sample(pick(node[keyword] as JsonSchema[]), definitions, random, depth + 1, rate);
  }
  if (Array.isArray(node['allOf'])) {
    const parts = (node['allOf'] as JsonSchema[]).map((part) => sample(part, definitions, random, depth + 1, rate));
    return parts.every((part) => typeof part === 'object' && part !== null && !Array.isArray(part)) ? Object.assign({}, ...parts) : parts[0];
  }
  const types = node['type'] === undefined ? ['object', 'string', 'number'] : ([] as string[]).concat(node['type'] as string);
  const type = pick(types);
  switch (type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      const required = (node['required'] as string[] | undefined) ?? [];
      for (const [key, property] of Object.entries((node['properties'] as Record<string, JsonSchema> | undefined) ?? {})) {
        if (random() < (required.includes(key) ? 1 - rate : 0.35)) value[key] = sample(property, definitions, random, depth + 1, rate);
      }
      const extra = node['additionalProperties'];
      if (typeof extra === 'object' && random() < 0.5) value[pick(STRINGS)] = sample(extra as JsonSchema, definitions, random, depth + 1, rate);
      if (random() < rate) value[pick(['extra', 'x~y/z'])] = 1;
      return value;
    }
    case 'array': {
      const length = Math.floor(random() * 4) + (rate < 0.01 ? 1 : 0);
      const items = (node['items'] as JsonSchema | undefined) ?? true;
      const list = Array.from({ length }, () => sample(items, definitions, random, depth + 1, rate));
      if (node['uniqueItems'] === true && list.length > 1 && random() < 0.3) list.push(list[0]);
      return list;
    }
    case 'string':
      return rate < 0.01 && node['pattern'] === undefined ? pick(STRINGS.slice(1)) : pick(STRINGS);
    case 'integer':
      return pick([0, 1, 3, -2, 2.5]);
    case 'number':
      return pick([0, 0.5, -3, 2, 1e9]);
    case 'boolean':
      return random() < 0.5;
    case 'null':
      return null;
    default:
      return pick(JUNK);
  }
}

const shape = (errors: readonly (SchemaError | ErrorObject)[] | null | undefined) =>
  (errors ?? []).map(({ instancePath, keyword, params, message, propertyName }) => ({ instancePath, keyword, params, message, propertyName }));

describe('createSchemaChecker', () => {
  const validSamples = new Map<string, number>();
  it.each(ir.validators.map((validator) => [validator.moduleName, validator] as const))('reports what ajv reports: %s', (_name, validator) => {
    const table = createSchemaTable(validator);
    const ajv = new Ajv2020(AJV_OPTIONS);
    const ajvValidate = ajv.compile(table);
    const check = createSchemaChecker(table as JsonSchema);
    const random = createRandom(validator.moduleName.length * 7919 + 1);
    const definitions = table['$defs'] as Record<string, JsonSchema>;
    let valid = 0;
    for (let index = 0; index < SAMPLES; index++) {
      // Every other sample is nearly clean, so that valid data is checked as often as broken data.
      const data = sample(table as JsonSchema, definitions, random, 0, index % 2 === 0 ? 0.001 : 0.04);
      const ajvValid = ajvValidate(data);
      const errors = check(data);
      expect(shape(errors), JSON.stringify(data)).toEqual(shape(ajvValidate.errors));
      expect(formatSchemaErrors(errors, 5, 'field')).toBe(formatSchemaErrors(ajvValidate.errors, 5, 'field'));
      if (ajvValid) valid += 1;
    }
    // Failures are exercised, or the comparison would prove little; valid samples are counted below.
    expect(valid).toBeLessThan(SAMPLES);
    validSamples.set(validator.moduleName, valid);
  });

  it('saw valid samples of the validators on the hot path', () => {
    for (const name of ['chat-completion-request', 'chat-completion-response', 'chat-completion-chunk', 'embedding-response']) {
      expect(validSamples.get(name), name).toBeGreaterThan(0);
    }
  });

  it('covers the keywords ajv treats specially', () => {
    const cases: Array<[JsonSchema, unknown[]]> = [
      [{ type: 'array', items: { type: 'string' }, uniqueItems: true }, [['a', 'b', 'a'], ['a', 'a', 'b', 'b'], [1, 'a', 'a']]],
      [{ type: 'array', items: { type: 'object' }, uniqueItems: true }, [[{ a: 1 }, { a: 1 }], [{}, { b: [1] }, { b: [1] }]]],
      [{ type: 'array', uniqueItems: true }, [[1, '1'], [[1], [1]], [1, 2, 1]]],
      [{ type: 'array', items: { type: ['string', 'number'] }, uniqueItems: true }, [[1, '1'], ['1', '1']]],
      [{ type: 'object', propertyNames: { pattern: '^[a-z]+$', maxLength: 3 } }, [{ abcd: 1, B: 2, ok: 3 }]],
      [{ oneOf: [{ type: 'string' }, { minLength: 1 }, { maxLength: 5 }] }, ['ab', 'abcdefg', 3]],
      [{ not: { type: 'string' } }, ['a', 1]],
      [{ if: { type: 'string' }, then: { minLength: 2 }, else: { type: 'number', minimum: 3 } }, ['a', 'ab', 1, 4, null]],
      [{ type: 'integer', minimum: 2, exclusiveMaximum: 5 }, [1, 2.5, 5, 'x', Number.NaN]],
      [{ type: ['string', 'null'], minLength: 2 }, ['a', null, 3]],
      [{ type: 'object', minProperties: 2, maxProperties: 3, required: ['a'], additionalProperties: false, properties: { a: {}, b: { type: 'string' } } }, [{}, { a: 1, b: 2, c: 3, d: 4 }, { b: undefined }]],
      [{ type: 'string', minLength: 2, maxLength: 2 }, ['😀', '😀😀', 'abc']],
      [{ const: { a: [1, 2] } }, [{ a: [1, 2] }, { a: [2, 1] }]],
      [false, [1]],
    ];
    for (const [schema, values] of cases) {
      const ajvValidate = new Ajv2020(AJV_OPTIONS).compile(schema);
      const check = createSchemaChecker(schema);
      for (const value of values) {
        ajvValidate(value);
        expect(shape(check(value)), `${JSON.stringify(schema)} ${JSON.stringify(value)}`).toEqual(shape(ajvValidate.errors));
      }
    }
  });

  it('refuses a keyword it does not support, and an unresolvable $ref', () => {
    expect(() => createSchemaChecker({ type: 'object', patternProperties: {} })({})).toThrow('keyword "patternProperties" is not supported');
    expect(() => createSchemaChecker({ $ref: '#/$defs/Missing' })({})).toThrow('cannot resolve $ref "#/$defs/Missing"');
  });
});
