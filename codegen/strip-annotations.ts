import type { JsonObject } from './ir.js';

/** Keywords that only document a schema; validation never reads them. */
const ANNOTATIONS = new Set(['title', 'description', 'examples', 'default', '$comment', 'deprecated', 'readOnly', 'writeOnly', 'tsType']);
/** Keywords whose value maps names (property names, definition names) to subschemas. */
export const SCHEMA_MAPS: ReadonlySet<string> = new Set(['properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas']);
/** Keywords whose value is a subschema or a list of subschemas. */
export const SUBSCHEMAS: ReadonlySet<string> = new Set([
  'items',
  'prefixItems',
  'additionalItems',
  'additionalProperties',
  'unevaluatedItems',
  'unevaluatedProperties',
  'propertyNames',
  'contains',
  'not',
  'if',
  'then',
  'else',
  'allOf',
  'anyOf',
  'oneOf',
]);

/**
 * A copy of `schema` without annotations (`description`, `title`, `examples`, `default`, `x-*`, ...),
 * which ajv's standalone code would otherwise carry as string constants into every bundle that
 * validates a response. Property and definition names are kept even when they spell an annotation
 * keyword (a property called `description` stays). Validity is unchanged, except for the keywords
 * named in `alsoStrip`. The input is not modified.
 */
export function stripAnnotations(schema: JsonObject, alsoStrip: ReadonlySet<string> = NOTHING): JsonObject {
  const stripNode = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(stripNode);
    if (typeof node !== 'object' || node === null) return node;
    const copy: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (ANNOTATIONS.has(key) || alsoStrip.has(key) || key.startsWith('x-')) continue;
      if (SCHEMA_MAPS.has(key) && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        copy[key] = Object.fromEntries(Object.entries(value).map(([name, child]) => [name, stripNode(child)]));
      } else {
        copy[key] = SUBSCHEMAS.has(key) ? stripNode(value) : value;
      }
    }
    return copy;
  };
  return stripNode(schema) as JsonObject;
}

const NOTHING: ReadonlySet<string> = new Set();

/**
 * Numeric ranges of a request (`temperature` 0 to 2, ...): the provider's to enforce, since they
 * differ between providers and the answer is a 400 naming the parameter. A request validator
 * checks the shape (types, finite numbers, required fields, roles) and leaves these out.
 */
export const RANGE_KEYWORDS: ReadonlySet<string> = new Set(['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']);
