import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import ts from 'typescript';

/** A module a declaration file reaches outside its own package: a bare import or a `types` reference. */
export interface ExternalImport {
  /** `undici`, `node:stream`, or `types:node` for a `/// <reference types="node" />`. */
  readonly specifier: string;
  /** The declaration file that names it. */
  readonly file: string;
}

/**
 * Every module specifier a declaration file names: import and export declarations, `import x =
 * require()`, `import('…')` types (tsc writes those when it inlines a type), and triple-slash
 * `types` references. Parsed, not matched by pattern, so examples in doc comments do not count.
 */
export function listDeclarationSpecifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const specifiers = source.typeReferenceDirectives.map((directive) => `types:${directive.fileName}`);
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      specifiers.push(node.moduleSpecifier.text);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference) && ts.isStringLiteral(node.moduleReference.expression)) {
      specifiers.push(node.moduleReference.expression.text);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      specifiers.push(node.argument.literal.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return specifiers;
}

/**
 * The external modules a consumer's compiler loads when it follows `entry`'s declarations: the
 * relative imports are walked (a `.js` specifier names its `.d.ts`), everything else is reported.
 * `listSpecifiers` lets a caller that walks many entries parse each file once.
 */
export function collectDeclarationImports(entry: string, listSpecifiers: (file: string) => string[] = listDeclarationSpecifiers): ExternalImport[] {
  const seen = new Set<string>();
  const external: ExternalImport[] = [];
  const pending = [resolve(entry)];
  while (pending.length > 0) {
    const file = pending.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of listSpecifiers(file)) {
      if (!specifier.startsWith('.')) {
        external.push({ specifier, file });
        continue;
      }
      const target = resolve(dirname(file), specifier).replace(/\.js$/, '.d.ts');
      const declaration = target.endsWith('.d.ts') ? target : `${target}.d.ts`;
      if (!existsSync(declaration)) throw new Error(`${file}: ${specifier} has no declaration file (${declaration})`);
      pending.push(declaration);
    }
  }
  return external;
}
