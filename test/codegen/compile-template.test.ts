import { describe, expect, it } from 'vitest';

import { CodegenError } from '../../codegen/codegen-error.js';
import { compileTemplate } from '../../codegen/compile-template.js';

describe('compileTemplate', () => {
  it('lays out a view-model without escaping', () => {
    const render = compileTemplate<{ items: { name: string }[] }>({ t: '{{#each items}}<{{name}}>{{/each}}' }, 't');
    expect(render({ items: [{ name: '"a" & b' }, { name: "'c'" }] })).toBe(`<"a" & b><'c'>`);
  });

  it.each([
    ['a missing view-model field', '{{missing}}'],
    ['a branch', '{{#if x}}y{{/if}}'],
    ['a lookup', '{{lookup x "y"}}'],
    ['a custom helper', '{{uppercase x}}'],
  ])('rejects %s', (_case, source) => {
    expect(() => compileTemplate({ t: source }, 't')({ x: 'value' })).toThrow(CodegenError);
  });

  it('names a template that does not exist', () => {
    expect(() => compileTemplate({}, 'nope')).toThrow('templates/nope.ts.hbs: template not found');
  });
});
