import { CodegenError } from './codegen-error.js';
import { inferDiscriminators } from './infer-discriminators.js';
import type { JsonObject, ValidatorIr } from './ir.js';
import { SUPPORTED_KEYWORDS } from './runtime/create-schema-checker.js';
import { RANGE_KEYWORDS, SCHEMA_MAPS, SUBSCHEMAS, stripAnnotations } from './strip-annotations.js';

/**
 * The validated definition as a self-contained schema: `{ $ref, $defs }` with only the definitions
 * it reaches, without annotations (and, for a request, without numeric ranges), with ajv's
 * `discriminator` inferred where a `oneOf` is tagged.
 */
export function createSchemaTable(validator: ValidatorIr): JsonObject {
  const label = `${validator.sourcePath} (${validator.typeName})`;
  const stripped = inferDiscriminators(stripAnnotations(validator.schema, validator.request ? RANGE_KEYWORDS : undefined));
  const definitions = (stripped['$defs'] ?? {}) as Record<string, unknown>;
  const reached = new Map<string, unknown>();
  const visit = (node: unknown, place: string): void => {
    if (Array.isArray(node)) return node.forEach((item, index) => visit(item, `${place}/${index}`));
    if (typeof node !== 'object' || node === null) return;
    for (const [keyword, value] of Object.entries(node)) {
      if (!SUPPORTED_KEYWORDS.has(keyword) && !STRUCTURAL.has(keyword)) {
        throw new CodegenError(`${label}: ${place}: the keyword ${JSON.stringify(keyword)} is not supported by the generated validators`);
      }
      if (keyword === '$ref') follow(value, place);
      else if (SCHEMA_MAPS.has(keyword)) for (const [name, child] of Object.entries(value as object)) visit(child, `${place}/${keyword}/${name}`);
      else if (SUBSCHEMAS.has(keyword)) visit(value, `${place}/${keyword}`);
    }
  };
  const follow = (ref: unknown, place: string): void => {
    const name = typeof ref === 'string' && ref.startsWith('#/$defs/') ? decodeURIComponent(ref.slice('#/$defs/'.length)) : undefined;
    if (name === undefined || definitions[name] === undefined) throw new CodegenError(`${label}: ${place}: cannot resolve $ref ${JSON.stringify(ref)}`);
    if (reached.has(name)) return;
    reached.set(name, definitions[name]);
    visit(definitions[name], `#/$defs/${name}`);
  };
  const root = `#/$defs/${encodeURIComponent(validator.definitionName)}`;
  follow(root, '#');
  const $defs = Object.fromEntries([...reached].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { $ref: root, $defs } as JsonObject;
}

/** Keys of a schema object that are not validation keywords but are allowed. */
const STRUCTURAL = new Set(['$defs', 'then', 'else']);
