import { Ajv2020 } from 'ajv/dist/2020.js';

import { ApiSchemaValidationError } from './api-schema-validation-error.js';
import type { LoadedJsonFile } from './codegen-inputs.js';
import type { JsonObject } from './ir.js';
import { describeSchemaErrors } from './runtime/format-schema-errors.js';

/** An API schema file that follows the conventions below, ready for the IR. */
export interface ApiSchemaDocument {
  /** `chat` for `schemas/api/chat.json`. */
  readonly family: string;
  readonly sourcePath: string;
  readonly schema: JsonObject;
  /** `$defs` by name (= TypeScript type name). */
  readonly definitions: Readonly<Record<string, JsonObject>>;
  /** The `x-validators` names, sorted. */
  readonly validatorTypeNames: readonly string[];
  /** The `x-request-validators` names, sorted: requests checked before sending. */
  readonly requestValidatorTypeNames: readonly string[];
}

const FAMILY_NAME = /^[a-z][a-z0-9-]*$/;
const TYPE_NAME = /^[A-Z][A-Za-z0-9]*$/;
const LOCAL_REF = /^#\/\$defs\/([^/]+)$/;
/** Family names whose modules would collide with other files in `generated/types/`. */
const RESERVED_FAMILIES = new Set(['index', 'provider-entry']);
const DATA_KEYWORDS = new Set(['const', 'default', 'enum', 'examples']);

/**
 * Checks the conventions the generator relies on: a valid JSON Schema 2020-12 document per file whose
 * named types all sit under `$defs` (key = `title` = TypeScript name), refs that stay local
 * (`#/$defs/X`), and optional `x-validators` and `x-request-validators` lists of `$defs` names. Throws one
 * `ApiSchemaValidationError` listing every problem.
 */
export function validateApiSchemas(files: readonly LoadedJsonFile[]): ApiSchemaDocument[] {
  const problems: string[] = [];
  const documents: ApiSchemaDocument[] = [];
  const ajv = new Ajv2020({ allErrors: true });
  for (const file of files) {
    const report = (pointer: string, reason: string): void => {
      problems.push(`${file.path}: at ${pointer || '(root)'}: ${reason}`);
    };
    const family = (file.path.split('/').pop() ?? '').replace(/\.json$/, '');
    if (!FAMILY_NAME.test(family) || RESERVED_FAMILIES.has(family)) {
      report('', `the file name must match ${String(FAMILY_NAME)} and not be ${[...RESERVED_FAMILIES].join(' or ')}`);
    }
    const schema = file.data;
    if (!isObject(schema)) {
      report('', 'must be a JSON Schema object');
      continue;
    }
    if (!ajv.validateSchema(schema)) {
      for (const problem of describeSchemaErrors(ajv.errors ?? [])) report(problem.pointer, problem.reason);
    }
    const definitions = schema['$defs'];
    if (!isObject(definitions)) {
      report('/$defs', 'must be an object holding the named types');
      continue;
    }
    for (const [name, definition] of Object.entries(definitions)) {
      const pointer = `/$defs/${escapePointer(name)}`;
      if (!TYPE_NAME.test(name)) report(pointer, `the name must be a PascalCase TypeScript name (${String(TYPE_NAME)})`);
      if (!isObject(definition)) {
        report(pointer, 'must be a schema object');
      } else if (definition['title'] !== undefined && definition['title'] !== name) {
        report(`${pointer}/title`, `must equal the $defs name "${name}" (it names the TypeScript type)`);
      }
    }
    findRefs(schema, '', (pointer, ref) => {
      const match = LOCAL_REF.exec(ref);
      const name = match ? decodePointerSegment(match[1] ?? '') : undefined;
      if (name === undefined) report(pointer, `$ref "${ref}" must point into this file's $defs (#/$defs/<Name>)`);
      else if (!(name in definitions)) report(pointer, `$ref "${ref}" names no entry of $defs`);
    });
    const [validators, requestValidators] = ['x-validators', 'x-request-validators'].map((key) => {
      const names = schema[key] ?? [];
      if (!Array.isArray(names) || !names.every((name) => typeof name === 'string')) {
        report(`/${key}`, 'must be an array of $defs names');
        return undefined;
      }
      names.forEach((name: string, index) => {
        if (!(name in definitions)) report(`/${key}/${index}`, `"${name}" names no entry of $defs`);
        if (names.indexOf(name) !== index) report(`/${key}/${index}`, `"${name}" is listed twice`);
      });
      return [...new Set(names as string[])].sort();
    });
    if (validators === undefined || requestValidators === undefined) continue;
    documents.push({
      family,
      sourcePath: file.path,
      schema,
      definitions: definitions as Record<string, JsonObject>,
      validatorTypeNames: validators,
      requestValidatorTypeNames: requestValidators,
    });
  }
  if (problems.length > 0) throw new ApiSchemaValidationError(problems);
  return documents;
}

function findRefs(node: unknown, pointer: string, visit: (pointer: string, ref: string) => void): void {
  if (Array.isArray(node)) {
    node.forEach((item, index) => findRefs(item, `${pointer}/${index}`, visit));
    return;
  }
  if (!isObject(node)) return;
  for (const [key, value] of Object.entries(node)) {
    const childPointer = `${pointer}/${escapePointer(key)}`;
    if (key === '$ref') visit(childPointer, String(value));
    else if (!DATA_KEYWORDS.has(key)) findRefs(value, childPointer, visit);
  }
}

function escapePointer(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

function decodePointerSegment(segment: string): string {
  return decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
