import { describe, expect, it } from 'vitest';
import { convertJsonSchemaToGemini } from '../../../src/dialects/gemini/convert-json-schema-to-gemini.js';

describe('convertJsonSchemaToGemini', () => {
  it('inlines $defs references, keeping the referring description', () => {
    const { schema, dropped } = convertJsonSchemaToGemini({
      type: 'object',
      properties: { home: { $ref: '#/$defs/Address', description: 'Where they live' }, work: { $ref: '#/definitions/Address' } },
      $defs: { Address: { type: 'object', description: 'An address', properties: { street: { type: 'string' } }, required: ['street'] } },
      definitions: { Address: { type: 'object', properties: { street: { type: 'string' } } } },
    });
    expect(schema).toEqual({
      type: 'object',
      properties: {
        home: { type: 'object', description: 'Where they live', properties: { street: { type: 'string' } }, required: ['street'] },
        work: { type: 'object', description: 'An address', properties: { street: { type: 'string' } }, required: ['street'] },
      },
    });
    expect(dropped).toEqual([]);
  });

  it('turns null types and branches into nullable, oneOf into anyOf, const into enum', () => {
    const { schema, dropped } = convertJsonSchemaToGemini({
      type: 'object',
      properties: {
        a: { anyOf: [{ type: 'string' }, { type: 'null' }], description: 'maybe text' },
        b: { oneOf: [{ type: 'string' }, { type: 'number' }] },
        c: { const: 'fixed' },
        d: { type: ['string', 'number'] },
        e: { enum: ['x', 'y', null] },
      },
    });
    expect(schema).toEqual({
      type: 'object',
      properties: {
        a: { type: 'string', nullable: true, description: 'maybe text' },
        b: { anyOf: [{ type: 'string' }, { type: 'number' }] },
        c: { type: 'string', enum: ['fixed'] },
        d: { anyOf: [{ type: 'string' }, { type: 'number' }] },
        e: { type: 'string', enum: ['x', 'y'], nullable: true },
      },
    });
    expect(dropped).toEqual([{ keyword: 'oneOf (sent as anyOf)', path: '/properties/b' }]);
  });

  it('drops unsupported keywords and recursive references, saying where', () => {
    const { schema, dropped } = convertJsonSchemaToGemini({
      $schema: 'http://json-schema.org/draft-07/schema#',
      type: 'object',
      additionalProperties: false,
      properties: {
        tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
        level: { type: 'integer', enum: [1, 2, 3], exclusiveMinimum: 0 },
        node: { $ref: '#/$defs/Node' },
      },
      $defs: { Node: { type: 'object', properties: { child: { $ref: '#/$defs/Node' } } } },
    });
    expect(schema).toEqual({
      type: 'object',
      properties: {
        tags: { type: 'array', items: { type: 'string' } },
        level: { type: 'integer' },
        node: { type: 'object', properties: { child: { type: 'object' } } },
      },
    });
    expect(dropped).toEqual([
      { keyword: '$schema', path: '/' },
      { keyword: 'additionalProperties', path: '/' },
      { keyword: 'uniqueItems', path: '/properties/tags' },
      { keyword: 'exclusiveMinimum', path: '/properties/level' },
      { keyword: 'enum (non-string values)', path: '/properties/level' },
      { keyword: '$ref #/$defs/Node (recursive)', path: '/properties/node/properties/child' },
    ]);
  });
});
