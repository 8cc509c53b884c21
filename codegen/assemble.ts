import { Project, ts } from 'ts-morph';

import { CodegenError } from './codegen-error.js';
import { HEADER } from './header.js';
import type { GeneratedFile } from './ir.js';

/** The one formatting of every generated file; changing it changes every file in `generated/`. */
const FORMAT_SETTINGS: ts.FormatCodeSettings = {
  indentSize: 2,
  tabSize: 2,
  convertTabsToSpaces: true,
  newLineCharacter: '\n',
  semicolons: ts.SemicolonPreference.Insert,
  insertSpaceAfterCommaDelimiter: true,
  insertSpaceAfterSemicolonInForStatements: true,
  insertSpaceBeforeAndAfterBinaryOperators: true,
  insertSpaceAfterKeywordsInControlFlowStatements: true,
  insertSpaceAfterFunctionKeywordForAnonymousFunctions: true,
  insertSpaceAfterOpeningAndBeforeClosingNonemptyBraces: true,
  insertSpaceAfterOpeningAndBeforeClosingNonemptyBrackets: false,
  insertSpaceAfterOpeningAndBeforeClosingNonemptyParenthesis: false,
  insertSpaceAfterOpeningAndBeforeClosingTemplateStringBraces: false,
  insertSpaceAfterTypeAssertion: false,
  placeOpenBraceOnNewLineForFunctions: false,
  placeOpenBraceOnNewLineForControlBlocks: false,
  trimTrailingWhitespace: true,
};

/**
 * Formats every file the same way (single-quoted strings, then the TypeScript formatter with fixed
 * settings through an in-memory ts-morph project), puts `HEADER` on the first line, and returns the
 * files by path in sorted order.
 */
export function assembleFiles(files: readonly GeneratedFile[]): Map<string, string> {
  const project = new Project({ useInMemoryFileSystem: true });
  const sorted = [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const assembled = new Map<string, string>();
  for (const file of sorted) {
    if (assembled.has(file.path)) throw new CodegenError(`generated/${file.path}: emitted twice`);
    if (file.content.startsWith(HEADER)) throw new CodegenError(`generated/${file.path}: emitted with a header already`);
    const sourceFile = project.createSourceFile(`/${file.path}`, useSingleQuotes(file.content), { overwrite: true });
    sourceFile.formatText(FORMAT_SETTINGS);
    const body = sourceFile.getFullText().trim();
    project.removeSourceFile(sourceFile);
    assembled.set(file.path, `${HEADER}\n${body}\n`);
  }
  return assembled;
}

/** Rewrites every string literal with single quotes, keeping its value. */
function useSingleQuotes(text: string): string {
  const sourceFile = ts.createSourceFile('file.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const literals: ts.StringLiteral[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node)) literals.push(node);
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  let result = '';
  let position = 0;
  for (const literal of literals) {
    const start = literal.getStart(sourceFile);
    result += text.slice(position, start) + quoteSingle(literal.text);
    position = literal.end;
  }
  return result + text.slice(position);
}

function quoteSingle(value: string): string {
  const escaped = JSON.stringify(value)
    .slice(1, -1)
    .replace(/\\"/g, '"')
    .replace(/'/g, "\\'");
  return `'${escaped}'`;
}
