import Handlebars from 'handlebars';

import { CodegenError } from './codegen-error.js';
import type { TemplateSources } from './codegen-inputs.js';

/**
 * Compiles `templates/<name>.ts.hbs`. Templates only lay out text: values arrive rendered in a
 * view-model, nothing is escaped, a missing view-model field throws, and the only helper allowed is
 * `{{#each}}` (using `if`, `unless`, `with` or `lookup` fails to compile).
 */
export function compileTemplate<View extends object>(templates: TemplateSources, name: string): (view: View) => string {
  const source = templates[name];
  if (source === undefined) throw new CodegenError(`templates/${name}.ts.hbs: template not found`);
  const handlebars = Handlebars.create();
  const template = handlebars.compile<View>(source, {
    noEscape: true,
    strict: true,
    knownHelpersOnly: true,
    knownHelpers: { if: false, unless: false, with: false, lookup: false, log: false },
  });
  return (view) => {
    try {
      return template(view);
    } catch (error) {
      throw new CodegenError(`templates/${name}.ts.hbs: ${(error as Error).message}`);
    }
  };
}
