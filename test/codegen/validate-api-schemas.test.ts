import { describe, expect, it } from 'vitest';

import { ApiSchemaValidationError } from '../../codegen/api-schema-validation-error.js';
import { validateApiSchemas } from '../../codegen/validate-api-schemas.js';
import { CHAT_SCHEMA_FIXTURE } from './create-scenario-inputs.js';

function problemsOf(path: string, data: unknown): readonly string[] {
  try {
    validateApiSchemas([{ path, data }]);
    return [];
  } catch (error) {
    if (!(error instanceof ApiSchemaValidationError)) throw error;
    return error.problems;
  }
}

describe('validateApiSchemas', () => {
  it('accepts the fixture and reads its family, definitions and validators', () => {
    const [document] = validateApiSchemas([{ path: 'schemas/api/chat.json', data: CHAT_SCHEMA_FIXTURE }]);
    expect(document?.family).toBe('chat');
    expect(document?.validatorTypeNames).toEqual(['ChatCompletionResponse']);
    expect(Object.keys(document?.definitions ?? {})).toContain('Usage');
  });

  it('reports every broken convention with the file and the pointer', () => {
    const problems = problemsOf('schemas/api/Bad_Name.json', {
      'x-validators': ['Missing', 'Usage', 'Usage'],
      $defs: {
        Usage: { title: 'Tokens', type: 'object', properties: { next: { $ref: 'other.json#/$defs/Usage' } } },
        lowerCase: { type: 'objet' },
        Dangling: { $ref: '#/$defs/Nope' },
      },
    });
    expect(problems).toEqual([
      'schemas/api/Bad_Name.json: at (root): the file name must match /^[a-z][a-z0-9-]*$/ and not be index or provider-entry',
      'schemas/api/Bad_Name.json: at /$defs/lowerCase/type: must be one of "array", "boolean", "integer", "null", "number", "object", "string"',
      'schemas/api/Bad_Name.json: at /$defs/lowerCase/type: must be array',
      'schemas/api/Bad_Name.json: at /$defs/lowerCase/type: must match a schema in anyOf',
      'schemas/api/Bad_Name.json: at /$defs/Usage/title: must equal the $defs name "Usage" (it names the TypeScript type)',
      `schemas/api/Bad_Name.json: at /$defs/lowerCase: the name must be a PascalCase TypeScript name (/^[A-Z][A-Za-z0-9]*$/)`,
      `schemas/api/Bad_Name.json: at /$defs/Usage/properties/next/$ref: $ref "other.json#/$defs/Usage" must point into this file's $defs (#/$defs/<Name>)`,
      'schemas/api/Bad_Name.json: at /$defs/Dangling/$ref: $ref "#/$defs/Nope" names no entry of $defs',
      'schemas/api/Bad_Name.json: at /x-validators/0: "Missing" names no entry of $defs',
      'schemas/api/Bad_Name.json: at /x-validators/2: "Usage" is listed twice',
    ]);
  });

  it('checks x-request-validators like x-validators', () => {
    expect(problemsOf('schemas/api/chat.json', { 'x-request-validators': ['Nope'], $defs: { Usage: { type: 'object' } } })).toEqual([
      'schemas/api/chat.json: at /x-request-validators/0: "Nope" names no entry of $defs',
    ]);
    expect(problemsOf('schemas/api/chat.json', { 'x-request-validators': 'Usage', $defs: { Usage: { type: 'object' } } })).toEqual([
      'schemas/api/chat.json: at /x-request-validators: must be an array of $defs names',
    ]);
  });

  it('requires $defs', () => {
    expect(problemsOf('schemas/api/chat.json', { type: 'object' })).toEqual([
      'schemas/api/chat.json: at /$defs: must be an object holding the named types',
    ]);
  });
});
