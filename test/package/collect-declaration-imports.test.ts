import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { collectDeclarationImports, listDeclarationSpecifiers } from './collect-declaration-imports.js';

// The helper behind the packed-package test's declaration check: it must see every way tsc can
// name another module, and nothing in comments.
describe('collectDeclarationImports', () => {
  const directory = mkdtempSync(join(tmpdir(), 'liter-llm-declarations-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));
  const write = (name: string, text: string): string => {
    const file = join(directory, name);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, text);
    return file;
  };

  it('lists imports, re-exports, import types, import-equals and types references, but not examples in comments', () => {
    const file = write(
      'all.d.ts',
      [
        '/// <reference types="node" />',
        "import { type A } from 'a-package';",
        "export * from './local.js';",
        "export type { B } from 'b-package';",
        "import c = require('c-package');",
        "export declare const d: import('d-package').D;",
        '/**',
        " * import { createClient } from 'in-a-comment';",
        ' */',
        'export declare function f(value: A): typeof c;',
      ].join('\n'),
    );
    expect(listDeclarationSpecifiers(file).sort()).toEqual(['./local.js', 'a-package', 'b-package', 'c-package', 'd-package', 'types:node']);
  });

  it('follows relative imports to their declaration files and reports what lies outside', () => {
    const entry = write('entry.d.ts', "export * from './inner/one.js';\nexport type { Two } from './inner/two.js';\n");
    write('inner/one.d.ts', "import type { X } from 'x-package';\nexport type One = X;\nexport type { Two } from './two.js';\n");
    write('inner/two.d.ts', "export type Two = import('y-package').Y;\n");
    expect(collectDeclarationImports(entry).map((found) => [found.specifier, found.file.slice(directory.length + 1)])).toEqual(
      expect.arrayContaining([
        ['x-package', join('inner', 'one.d.ts')],
        ['y-package', join('inner', 'two.d.ts')],
      ]),
    );
    expect(collectDeclarationImports(entry)).toHaveLength(2);
  });

  it('fails on a relative import without a declaration file', () => {
    const entry = write('broken.d.ts', "export * from './missing.js';\n");
    expect(() => collectDeclarationImports(entry)).toThrow(/\.\/missing\.js has no declaration file/);
  });
});
