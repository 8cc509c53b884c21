import type { JsonObject } from './ir.js';

/**
 * Returns a copy of `schema` in which every `oneOf` whose alternatives are all objects told apart by
 * a required string `const` (or string `enum`) property gets ajv's `discriminator` keyword, plus
 * `type: "object"` when it has no `type`. Validity is unchanged, but ajv then validates only the
 * alternative the tag selects, so an error is reported once, at its real place
 * (`/auth/envVar: must match pattern ...`), instead of once per alternative. Compile the result with
 * ajv's `discriminator: true` option. The input is not modified.
 */
export function inferDiscriminators(schema: JsonObject): JsonObject {
  return transform(schema, schema) as JsonObject;
}

/** Keywords whose values are data, not schemas. */
const DATA_KEYWORDS = new Set(['const', 'default', 'enum', 'examples']);

function transform(node: unknown, root: JsonObject): unknown {
  if (Array.isArray(node)) return node.map((item) => transform(item, root));
  if (!isObject(node)) return node;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    copy[key] = DATA_KEYWORDS.has(key) ? value : transform(value, root);
  }
  const tag = findTag(node, root);
  if (tag !== undefined) {
    copy['discriminator'] = { propertyName: tag };
    if (copy['type'] === undefined) copy['type'] = 'object';
  }
  return copy;
}

function findTag(node: JsonObject, root: JsonObject): string | undefined {
  const alternatives = node['oneOf'];
  if (!Array.isArray(alternatives) || alternatives.length < 2 || node['discriminator'] !== undefined) return undefined;
  if (node['type'] !== undefined && node['type'] !== 'object') return undefined;
  const resolved = alternatives.map((alternative) => resolveAlternative(alternative, root));
  if (!resolved.every((alternative) => alternative !== undefined && alternative['type'] === 'object')) return undefined;
  const branches = resolved as JsonObject[];
  const parentRequired = stringArray(node['required']);
  const candidates = Object.keys(properties(branches[0])).sort();
  return candidates.find((tag) => {
    const values: string[] = [];
    for (const branch of branches) {
      const required = parentRequired.includes(tag) || stringArray(branch['required']).includes(tag);
      const tagValues = tagValuesOf(properties(branch)[tag]);
      if (!required || tagValues === undefined) return false;
      values.push(...tagValues);
    }
    return new Set(values).size === values.length;
  });
}

/** An alternative as ajv's discriminator sees it: itself, or the local schema a bare `$ref` points to. */
function resolveAlternative(alternative: unknown, root: JsonObject): JsonObject | undefined {
  if (!isObject(alternative)) return undefined;
  const ref = alternative['$ref'];
  if (ref === undefined) return alternative;
  if (typeof ref !== 'string' || !ref.startsWith('#/') || Object.keys(alternative).length !== 1) return undefined;
  let target: unknown = root;
  for (const segment of ref.slice(2).split('/')) {
    const key = decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~');
    target = isObject(target) ? target[key] : undefined;
  }
  return isObject(target) && target['$ref'] === undefined ? target : undefined;
}

function tagValuesOf(schema: unknown): string[] | undefined {
  if (!isObject(schema)) return undefined;
  if (typeof schema['const'] === 'string') return [schema['const']];
  const values = schema['enum'];
  if (Array.isArray(values) && values.length > 0 && values.every((value) => typeof value === 'string')) {
    return values as string[];
  }
  return undefined;
}

function properties(schema: JsonObject | undefined): JsonObject {
  const value = schema?.['properties'];
  return isObject(value) ? value : {};
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
