import { describe, expect, it } from 'vitest';

import { stripAnnotations } from '../../codegen/strip-annotations.js';

describe('stripAnnotations', () => {
  it('drops annotations at every depth but keeps property and definition names', () => {
    const schema = {
      $id: 'https://example.test/s',
      title: 'Root',
      description: 'root doc',
      'x-validators': ['Thing'],
      $defs: {
        Thing: {
          type: 'object',
          description: 'a thing',
          required: ['description'],
          properties: {
            description: { type: 'string', description: 'the property named description', examples: ['x'] },
            title: { anyOf: [{ type: 'string', title: 'T' }, { type: 'null' }], default: null },
            items: { type: 'array', items: { $comment: 'c', type: 'number', deprecated: true } },
          },
          additionalProperties: { type: 'boolean', readOnly: true },
        },
      },
    };
    expect(stripAnnotations(schema)).toEqual({
      $id: 'https://example.test/s',
      $defs: {
        Thing: {
          type: 'object',
          required: ['description'],
          properties: {
            description: { type: 'string' },
            title: { anyOf: [{ type: 'string' }, { type: 'null' }] },
            items: { type: 'array', items: { type: 'number' } },
          },
          additionalProperties: { type: 'boolean' },
        },
      },
    });
    expect(schema.$defs.Thing.properties.description.description).toBe('the property named description');
  });

  it('keeps data keywords untouched, even when they hold annotation-like keys', () => {
    const schema = { const: { description: 'data' }, enum: [{ title: 'a' }], type: 'object' };
    expect(stripAnnotations(schema)).toEqual(schema);
  });
});
