import type { GeminiSchema } from './gemini-wire-types.js';
import { isRecord } from '../shared/is-record.js';

export interface ConvertedGeminiSchema {
  readonly schema: GeminiSchema;
  /** Keywords Gemini's schema subset cannot express, with the JSON pointer where each was. */
  readonly dropped: ReadonlyArray<{ readonly keyword: string; readonly path: string }>;
}

/** Keywords Gemini's `Schema` object accepts as they are (an OpenAPI 3.0 subset). */
const KEPT = new Set([
  'description',
  'title',
  'format',
  'nullable',
  'default',
  'example',
  'minItems',
  'maxItems',
  'minLength',
  'maxLength',
  'pattern',
  'minimum',
  'maximum',
  'minProperties',
  'maxProperties',
  'propertyOrdering',
]);
/** Keywords read by the conversion itself. */
const HANDLED = new Set(['type', 'properties', 'required', 'items', 'enum', 'const', 'anyOf', 'oneOf', 'allOf', '$ref', '$defs', 'definitions']);

/**
 * A JSON Schema as Gemini's schema subset: `$ref`s into `$defs`/`definitions` are inlined, a
 * `"null"` type or branch becomes `nullable`, `oneOf` becomes `anyOf`, `const` a one-value `enum`,
 * a single-branch `allOf` is merged; every other unsupported keyword (`additionalProperties`,
 * `$schema`, non-string enums, recursive references, ...) is dropped and listed.
 */
export function convertJsonSchemaToGemini(schema: unknown): ConvertedGeminiSchema {
  const dropped: Array<{ keyword: string; path: string }> = [];
  const root = isRecord(schema) ? schema : {};
  const definitions = { ...asRecord(root.definitions), ...asRecord(root.$defs) };

  const convert = (node: unknown, path: string, resolving: readonly string[]): GeminiSchema => {
    if (node === true || node === undefined) return {};
    if (!isRecord(node)) {
      dropped.push({ keyword: 'non-object schema', path: path || '/' });
      return {};
    }
    if (typeof node.$ref === 'string') {
      const target = resolveReference(node.$ref, definitions);
      if (target === undefined || resolving.includes(node.$ref)) {
        dropped.push({ keyword: target === undefined ? `$ref ${node.$ref} (unresolved)` : `$ref ${node.$ref} (recursive)`, path: path || '/' });
        return withSiblings({ type: 'object' }, node);
      }
      return withSiblings(convert(target, path, [...resolving, node.$ref]), node);
    }
    const result: GeminiSchema = {};
    for (const [keyword, value] of Object.entries(node)) {
      if (KEPT.has(keyword)) result[keyword] = value;
      else if (!HANDLED.has(keyword)) dropped.push({ keyword, path: path || '/' });
    }
    applyType(result, node.type, path);
    if (isRecord(node.properties)) {
      const properties: Record<string, GeminiSchema> = {};
      for (const [name, child] of Object.entries(node.properties)) {
        properties[name] = convert(child, `${path}/properties/${escapePointer(name)}`, resolving);
      }
      result.properties = properties;
    }
    if (Array.isArray(node.required)) result.required = node.required.filter((name) => typeof name === 'string');
    if (node.items !== undefined) {
      if (Array.isArray(node.items)) dropped.push({ keyword: 'items (tuple form)', path: path || '/' });
      else result.items = convert(node.items, `${path}/items`, resolving);
    }
    applyEnum(result, node, path);
    const branches = Array.isArray(node.anyOf) ? node.anyOf : Array.isArray(node.oneOf) ? node.oneOf : undefined;
    if (branches !== undefined) {
      const keyword = Array.isArray(node.anyOf) ? 'anyOf' : 'oneOf';
      const nonNull = branches.filter((branch) => !(isRecord(branch) && branch.type === 'null'));
      if (nonNull.length < branches.length) result.nullable = true;
      const converted = nonNull.map((branch, index) => convert(branch, `${path}/${keyword}/${index}`, resolving));
      if (converted.length === 1) Object.assign(result, { ...converted[0], ...pick(result, ['description', 'title', 'nullable', 'default']) });
      else if (converted.length > 1) result.anyOf = converted;
      if (keyword === 'oneOf' && converted.length > 1) dropped.push({ keyword: 'oneOf (sent as anyOf)', path: path || '/' });
    }
    if (Array.isArray(node.allOf)) {
      if (node.allOf.length === 1) {
        Object.assign(result, { ...convert(node.allOf[0], `${path}/allOf/0`, resolving), ...pick(result, ['description', 'title']) });
      } else {
        dropped.push({ keyword: 'allOf', path: path || '/' });
      }
    }
    return result;
  };

  const applyType = (result: GeminiSchema, type: unknown, path: string): void => {
    if (typeof type === 'string') {
      if (type === 'null') result.nullable = true;
      else result.type = type;
      return;
    }
    if (!Array.isArray(type)) return;
    const types = type.filter((entry): entry is string => typeof entry === 'string' && entry !== 'null');
    if (types.length < type.length) result.nullable = true;
    if (types.length === 1) result.type = types[0];
    else if (types.length > 1) result.anyOf = types.map((entry) => ({ type: entry }));
    if (types.length === 0 && type.length > 0) dropped.push({ keyword: 'type', path: path || '/' });
  };

  const applyEnum = (result: GeminiSchema, node: Record<string, unknown>, path: string): void => {
    const values = Array.isArray(node.enum) ? node.enum : 'const' in node ? [node.const] : undefined;
    if (values === undefined) return;
    const keyword = Array.isArray(node.enum) ? 'enum' : 'const';
    const nonNull = values.filter((value) => value !== null);
    if (nonNull.length < values.length) result.nullable = true;
    if (nonNull.every((value) => typeof value === 'string')) {
      // Gemini reads enums only on strings.
      result.enum = nonNull;
      result.type ??= 'string';
    } else {
      dropped.push({ keyword: `${keyword} (non-string values)`, path: path || '/' });
    }
  };

  return { schema: convert(root, '', []), dropped };
}

/** A description next to a `$ref` describes the referring property, so it wins over the target's. */
function withSiblings(target: GeminiSchema, node: Record<string, unknown>): GeminiSchema {
  return { ...target, ...pick(node, ['description', 'title', 'default']) };
}

function resolveReference(reference: string, definitions: Record<string, unknown>): unknown {
  const match = /^#\/(?:\$defs|definitions)\/(.+)$/.exec(reference);
  if (match === null) return undefined;
  return definitions[(match[1] as string).replace(/~1/g, '/').replace(/~0/g, '~')];
}

function pick(source: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const key of keys) if (source[key] !== undefined) result[key] = source[key];
  return result;
}

function escapePointer(name: string): string {
  return name.replace(/~/g, '~0').replace(/\//g, '~1');
}


function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}
