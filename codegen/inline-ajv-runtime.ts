import { ts } from 'ts-morph';

import { CodegenError } from './codegen-error.js';

/**
 * ajv's own helpers that standalone code may `require`, inlined as plain functions so generated
 * validators run without ajv (the runtime depends only on ky and eventsource-parser). Each one
 * behaves like ajv's for JSON data.
 */
const INLINE_HELPERS: Readonly<Record<string, string>> = {
  // Length in Unicode code points, as JSON Schema counts `minLength` and `maxLength`.
  'ajv/dist/runtime/ucs2length': `function ucs2length(text) {
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    length++;
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) index++;
  }
  return length;
}`,
  // Deep equality of JSON values, for `const`, `enum` and `uniqueItems`.
  'ajv/dist/runtime/equal': `function equal(a, b) {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === b.length && a.every((item, index) => equal(item, b[index]));
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && equal(a[key], b[key]));
}`,
};

const REQUIRE_HELPER = /require\("([^"]+)"\)\.default/g;

/**
 * Replaces ajv's `require("ajv/dist/runtime/<helper>").default` references in standalone code with
 * inlined functions, then checks that the code neither imports nor requires anything. Throws a
 * `CodegenError` naming the helper or module when that is not possible.
 */
export function inlineAjvRuntime(code: string, label: string): string {
  const inlined = code.replace(REQUIRE_HELPER, (reference, module: string) => {
    const helper = INLINE_HELPERS[module];
    if (helper === undefined) {
      throw new CodegenError(`${label}: ajv standalone code needs "${module}", which the generator cannot inline yet`);
    }
    return `(${helper})`;
  });
  const references = findModuleReferences(inlined);
  if (references.length > 0) {
    throw new CodegenError(`${label}: ajv standalone code must be self-contained but references ${references.join(', ')}`);
  }
  return inlined;
}

/** Import and export-from declarations, `import()` and `require()` calls, by their source text. */
function findModuleReferences(code: string): string[] {
  const sourceFile = ts.createSourceFile('standalone.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const isModuleDeclaration =
      ts.isImportDeclaration(node) ||
      ts.isImportEqualsDeclaration(node) ||
      (ts.isExportDeclaration(node) && node.moduleSpecifier !== undefined);
    const isModuleCall =
      ts.isCallExpression(node) &&
      (node.expression.kind === ts.SyntaxKind.ImportKeyword ||
        (ts.isIdentifier(node.expression) && node.expression.text === 'require'));
    if (isModuleDeclaration || isModuleCall) found.push(node.getText(sourceFile).slice(0, 80));
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}
