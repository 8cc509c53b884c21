/**
 * Checks data against a JSON Schema (2020-12) held as plain data, reporting the errors ajv would
 * report for the same schema with `allErrors`, `discriminator` and no format validation: the same
 * keywords, places, parameters and messages, in the same order. The generated validators use it
 * instead of ajv's standalone code: the schema as data is a tenth of that code's size, and the
 * checks are built from it on the first call, so importing a validator costs almost nothing.
 *
 * This module is copied verbatim into `generated/validators/` and must import nothing at run time.
 * It supports the keywords of `SUPPORTED_KEYWORDS`; the generator refuses a schema with any other.
 */
import type { SchemaError } from './format-schema-errors.js';

export type JsonSchema = boolean | { readonly [keyword: string]: unknown };

/** Returns the problems of `data`; an empty list when it is valid. */
export type SchemaChecker = (data: unknown) => SchemaError[];

/** Keywords that validate; any other key of a schema object is a structural or unknown one. */
export const SUPPORTED_KEYWORDS: ReadonlySet<string> = new Set([
  '$ref', 'type', 'const', 'enum', 'not', 'anyOf', 'oneOf', 'allOf', 'if', 'then', 'else',
  'maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum',
  'maxLength', 'minLength', 'pattern',
  'maxItems', 'minItems', 'items', 'uniqueItems',
  'maxProperties', 'minProperties', 'required', 'propertyNames', 'additionalProperties', 'properties', 'discriminator',
]);
/** Keywords that hold no check of their own (`then`/`else` belong to `if`). */
const STRUCTURAL = new Set(['$schema', '$id', '$defs', 'then', 'else']);

/**
 * The place being checked, as escaped JSON pointer segments: one array pushed and popped on the way
 * down, turned into a pointer only when an error is reported, so valid data allocates nothing for it.
 */
type Place = Array<string | number>;
type Check = (data: unknown, path: Place, errors: SchemaError[]) => void;
interface Compiler {
  compile(node: JsonSchema): Check;
  /** A check that follows `#/$defs/<name>`, built when first run (definitions may recurse). */
  reference(pointer: string): Check;
  resolve(pointer: string): JsonSchema;
}
type DataGroup = 'number' | 'string' | 'array' | 'object';

/** ajv's keyword order: untyped keywords first, then each data type's group in this order. */
const GROUPS: ReadonlyArray<readonly [DataGroup, readonly string[]]> = [
  ['number', ['maximum', 'minimum', 'exclusiveMaximum', 'exclusiveMinimum']],
  ['string', ['maxLength', 'minLength', 'pattern']],
  ['array', ['maxItems', 'minItems', 'items', 'uniqueItems']],
  ['object', ['maxProperties', 'minProperties', 'required', 'propertyNames', 'additionalProperties', 'properties', 'discriminator']],
];

const PASS: Check = () => {};
const QUICK = Symbol('quick');
const COUNTED: SchemaError = { instancePath: '', keyword: '', params: {} };

/**
 * A checker for `schema`, whose `$ref`s point into its own `$defs` (`#/$defs/<name>`). The checks
 * are built on the first call; a keyword outside `SUPPORTED_KEYWORDS` throws then.
 */
export function createSchemaChecker(schema: JsonSchema): SchemaChecker {
  let root: Check | undefined;
  // A first pass only counts problems (no error objects, no pointers); valid data, the usual case,
  // stops there. Data with problems is checked again to describe them.
  const quick = Object.assign([] as SchemaError[], { [QUICK]: true });
  return (data) => {
    root ??= compileSchema(schema, schema);
    quick.length = 0;
    root(data, [], quick);
    const errors: SchemaError[] = [];
    if (quick.length > 0) root(data, [], errors);
    return errors;
  };
}

function compileSchema(rootSchema: JsonSchema, schema: JsonSchema): Check {
  const compiled = new Map<unknown, Check>();
  const refs = new Map<string, Check>();
  const resolve = (pointer: string): JsonSchema => {
    const defs = typeof rootSchema === 'object' ? (rootSchema['$defs'] as Record<string, JsonSchema> | undefined) : undefined;
    const name = pointer.startsWith('#/$defs/') ? decodeURIComponent(pointer.slice(8)) : undefined;
    const target = name === undefined ? undefined : defs?.[name];
    if (target === undefined) throw new Error(`schema: cannot resolve $ref ${JSON.stringify(pointer)}`);
    return target;
  };
  const building = new Set<unknown>();
  const reference = (pointer: string): Check => {
    const target = resolve(pointer);
    const done = compiled.get(target);
    if (done !== undefined) return done;
    if (!building.has(target)) return compiler.compile(target);
    // A definition that refers to itself (directly or not) is bound on its first run.
    let check = refs.get(pointer);
    if (check === undefined) {
      let bound: Check | undefined;
      check = (data, path, errors) => (bound ??= compiler.compile(target))(data, path, errors);
      refs.set(pointer, check);
    }
    return check;
  };
  const compiler: Compiler = {
    compile(node) {
      let check = compiled.get(node);
      if (check === undefined) {
        building.add(node);
        check = compileNode(node, compiler);
        building.delete(node);
        compiled.set(node, check);
      }
      return check;
    },
    reference,
    resolve,
  };
  const compile = compiler.compile;
  return compile(schema);
}

function compileNode(node: JsonSchema, compiler: Compiler): Check {
  if (node === false) return (_data, path, errors) => void report(errors, path, 'false schema', {}, 'boolean schema is false');
  if (alwaysValid(node)) return PASS;
  const schema = node as Record<string, unknown>;
  for (const keyword of Object.keys(schema)) {
    if (!SUPPORTED_KEYWORDS.has(keyword) && !STRUCTURAL.has(keyword)) throw new Error(`schema: keyword ${JSON.stringify(keyword)} is not supported`);
  }
  const ref = schema['$ref'];
  if (typeof ref === 'string' && Object.keys(schema).every((keyword) => keyword === '$ref' || STRUCTURAL.has(keyword))) return compiler.reference(ref);

  const types = schema['type'] === undefined ? [] : ([] as string[]).concat(schema['type'] as string | string[]);
  const typeMessage = `must be ${types.join(',')}`;
  const typeParams = { type: schema['type'] };
  const groupUsed = (group: DataGroup) => (GROUPS.find(([name]) => name === group)?.[1] ?? []).some((keyword) => schema[keyword] !== undefined);
  // As ajv: a single type whose group has keywords is reported where that group runs, else first.
  const typeFirst = types.length > 0 && !(types.length === 1 && GROUPS.some(([group]) => group === types[0] && groupUsed(group)));

  const checks: Check[] = [];
  if (typeFirst) {
    const [only] = types;
    const matches = types.length === 1 ? (data: unknown) => hasType(only as string, data) : (data: unknown) => types.some((type) => hasType(type, data));
    checks.push((data, path, errors) => void (matches(data) || report(errors, path, 'type', typeParams, typeMessage)));
  }
  if (typeof ref === 'string') checks.push(compiler.reference(ref));
  pushUntyped(schema, checks, compiler.compile);
  for (const [group, keywords] of GROUPS) {
    if (!groupUsed(group)) continue;
    const groupChecks: Check[] = [];
    for (const keyword of keywords) {
      if (schema[keyword] !== undefined) groupChecks.push(compileKeyword(keyword, schema, compiler));
    }
    const reportType = !typeFirst && types.length === 1 && types[0] === group;
    checks.push((data, path, errors) => {
      if (hasType(group, data)) for (let index = 0; index < groupChecks.length; index++) (groupChecks[index] as Check)(data, path, errors);
      else if (reportType) report(errors, path, 'type', typeParams, typeMessage);
    });
  }
  return checks.length === 1 ? (checks[0] as Check) : (data, path, errors) => {
    for (let index = 0; index < checks.length; index++) (checks[index] as Check)(data, path, errors);
  };
}

function pushUntyped(schema: Record<string, unknown>, checks: Check[], compile: (node: JsonSchema) => Check): void {
  if (schema['const'] !== undefined) {
    const allowedValue = schema['const'];
    checks.push((data, path, errors) => void (equal(data, allowedValue) || report(errors, path, 'const', { allowedValue }, 'must be equal to constant')));
  }
  if (schema['enum'] !== undefined) {
    const allowedValues = schema['enum'] as unknown[];
    checks.push((data, path, errors) => {
      if (!allowedValues.some((value) => equal(data, value))) report(errors, path, 'enum', { allowedValues }, 'must be equal to one of the allowed values');
    });
  }
  if (schema['not'] !== undefined) {
    const inner = compile(schema['not'] as JsonSchema);
    checks.push((data, path, errors) => {
      const ignored: SchemaError[] = [];
      inner(data, path, ignored);
      if (ignored.length === 0) report(errors, path, 'not', {}, 'must NOT be valid');
    });
  }
  const anyOf = schema['anyOf'] as JsonSchema[] | undefined;
  if (anyOf !== undefined && !anyOf.some(alwaysValid)) {
    const branches = anyOf.map(compile);
    checks.push((data, path, errors) => {
      const before = errors.length;
      for (const branch of branches) {
        const count = errors.length;
        branch(data, path, errors);
        if (errors.length === count) {
          errors.length = before;
          return;
        }
      }
      report(errors, path, 'anyOf', {}, 'must match a schema in anyOf');
    });
  }
  const oneOf = schema['oneOf'] as JsonSchema[] | undefined;
  // With a discriminator, the tag picks the one branch (in the object group), as ajv does.
  if (oneOf !== undefined && schema['discriminator'] === undefined) {
    const branches = oneOf.map(compile);
    checks.push((data, path, errors) => {
      const before = errors.length;
      let passing: number | [number, number] | null = null;
      let valid = false;
      // As ajv: a second passing branch settles it, and later branches are not checked.
      for (let index = 0; index < branches.length; index++) {
        const count = errors.length;
        (branches[index] as Check)(data, path, errors);
        if (errors.length !== count) continue;
        if (valid) {
          valid = false;
          passing = [passing as number, index];
          break;
        }
        valid = true;
        passing = index;
      }
      if (valid) errors.length = before;
      else report(errors, path, 'oneOf', { passingSchemas: passing }, 'must match exactly one schema in oneOf');
    });
  }
  const allOf = schema['allOf'] as JsonSchema[] | undefined;
  if (allOf !== undefined) {
    for (const branch of allOf) if (!alwaysValid(branch)) checks.push(compile(branch));
  }
  if (schema['if'] !== undefined && (schema['then'] !== undefined || schema['else'] !== undefined)) {
    const condition = compile(schema['if'] as JsonSchema);
    const then = schema['then'] === undefined ? PASS : compile(schema['then'] as JsonSchema);
    const otherwise = schema['else'] === undefined ? PASS : compile(schema['else'] as JsonSchema);
    checks.push((data, path, errors) => {
      const ignored: SchemaError[] = [];
      condition(data, path, ignored);
      const ifClause = ignored.length === 0 ? 'then' : 'else';
      const count = errors.length;
      (ifClause === 'then' ? then : otherwise)(data, path, errors);
      if (errors.length !== count) report(errors, path, 'if', { failingKeyword: ifClause }, `must match "${ifClause}" schema`);
    });
  }
}

function compileKeyword(keyword: string, schema: Record<string, unknown>, compiler: Compiler): Check {
  const value = schema[keyword];
  const compile = compiler.compile;
  switch (keyword) {
    case 'maximum':
    case 'minimum':
    case 'exclusiveMaximum':
    case 'exclusiveMinimum': {
      const limit = value as number;
      const comparison = { maximum: '<=', minimum: '>=', exclusiveMaximum: '<', exclusiveMinimum: '>' }[keyword];
      const holds = { maximum: (data: number) => data <= limit, minimum: (data: number) => data >= limit, exclusiveMaximum: (data: number) => data < limit, exclusiveMinimum: (data: number) => data > limit }[keyword];
      return (data, path, errors) => void (holds(data as number) || report(errors, path, keyword, { comparison, limit }, `must be ${comparison} ${limit}`));
    }
    case 'maxLength':
    case 'minLength':
    case 'maxItems':
    case 'minItems':
    case 'maxProperties':
    case 'minProperties': {
      const limit = value as number;
      const most = keyword.startsWith('max');
      const unit = keyword.endsWith('Length') ? 'characters' : keyword.endsWith('Items') ? 'items' : 'properties';
      const size = unit === 'characters' ? countCodePoints : unit === 'items' ? (data: unknown) => (data as unknown[]).length : (data: unknown) => Object.keys(data as object).length;
      const message = `must NOT have ${most ? 'more' : 'fewer'} than ${limit} ${unit}`;
      return (data, path, errors) => {
        const length = size(data as string);
        if (most ? length > limit : length < limit) report(errors, path, keyword, { limit }, message);
      };
    }
    case 'pattern': {
      const pattern = value as string;
      const expression = new RegExp(pattern, 'u');
      return (data, path, errors) => void (expression.test(data as string) || report(errors, path, keyword, { pattern }, `must match pattern "${pattern}"`));
    }
    case 'items': {
      if (alwaysValid(value as JsonSchema)) return PASS;
      const item = compile(value as JsonSchema);
      return (data, path, errors) => {
        const list = data as unknown[];
        for (let index = 0; index < list.length; index++) {
          path.push(index);
          item(list[index], path, errors);
          path.pop();
        }
      };
    }
    case 'uniqueItems':
      return value === true ? compileUniqueItems(schema) : PASS;
    case 'required': {
      const required = value as string[];
      return (data, path, errors) => {
        for (const missingProperty of required) {
          if ((data as Record<string, unknown>)[missingProperty] === undefined) {
            report(errors, path, keyword, { missingProperty }, `must have required property '${missingProperty}'`);
          }
        }
      };
    }
    case 'propertyNames': {
      if (alwaysValid(value as JsonSchema)) return PASS;
      const name = compile(value as JsonSchema);
      return (data, path, errors) => {
        for (const propertyName in data as object) {
          const count = errors.length;
          name(propertyName, path, errors);
          if (errors.length === count) continue;
          for (let index = count; index < errors.length; index++) {
            const error = errors[index] as SchemaError;
            if (error.propertyName === undefined) errors[index] = { ...error, propertyName };
          }
          report(errors, path, keyword, { propertyName }, 'property name must be valid');
        }
      };
    }
    case 'additionalProperties': {
      if (value !== false && alwaysValid(value as JsonSchema)) return PASS;
      const known = new Set(Object.keys((schema['properties'] as object | undefined) ?? {}));
      const extra = value === false ? undefined : compile(value as JsonSchema);
      return (data, path, errors) => {
        for (const key in data as object) {
          if (known.has(key)) continue;
          if (extra === undefined) report(errors, path, keyword, { additionalProperty: key }, 'must NOT have additional properties');
          else {
            path.push(escapePointer(key));
            extra((data as Record<string, unknown>)[key], path, errors);
            path.pop();
          }
        }
      };
    }
    case 'properties': {
      const keys = Object.keys(value as object).filter((key) => !alwaysValid((value as Record<string, JsonSchema>)[key] as JsonSchema));
      const segments = keys.map(escapePointer);
      const checks = keys.map((key) => compile((value as Record<string, JsonSchema>)[key] as JsonSchema));
      return (data, path, errors) => {
        for (let index = 0; index < keys.length; index++) {
          const property = (data as Record<string, unknown>)[keys[index] as string];
          if (property === undefined) continue;
          path.push(segments[index] as string);
          (checks[index] as Check)(property, path, errors);
          path.pop();
        }
      };
    }
    case 'discriminator':
      return compileDiscriminator(schema, compiler);
    default:
      throw new Error(`schema: keyword ${JSON.stringify(keyword)} is not supported`);
  }
}

/** ajv's `discriminator`: the tag's value picks the one `oneOf` branch that is checked. */
function compileDiscriminator(schema: Record<string, unknown>, compiler: Compiler): Check {
  const tag = (schema['discriminator'] as { propertyName: string }).propertyName;
  const mapping = new Map<unknown, Check>();
  for (const branch of schema['oneOf'] as JsonSchema[]) {
    const ref = typeof branch === 'object' ? branch['$ref'] : undefined;
    const target = (typeof ref === 'string' ? compiler.resolve(ref) : branch) as Record<string, unknown>;
    const tagSchema = (target['properties'] as Record<string, Record<string, unknown>> | undefined)?.[tag];
    const values = tagSchema?.['const'] !== undefined ? [tagSchema['const']] : ((tagSchema?.['enum'] as unknown[] | undefined) ?? []);
    for (const value of values) mapping.set(value, compiler.compile(branch));
  }
  return (data, path, errors) => {
    const tagValue = (data as Record<string, unknown>)[tag];
    const branch = typeof tagValue === 'string' ? mapping.get(tagValue) : undefined;
    if (branch !== undefined) branch(data, path, errors);
    else if (typeof tagValue !== 'string') report(errors, path, 'discriminator', { error: 'tag', tag, tagValue }, `tag "${tag}" must be string`);
    else report(errors, path, 'discriminator', { error: 'mapping', tag, tagValue }, `value of tag "${tag}" must be in oneOf`);
  };
}

/** Every value is acceptable: `true`, or an object with no check of its own. */
function alwaysValid(schema: JsonSchema): boolean {
  return schema === true || (typeof schema === 'object' && Object.keys(schema).every((keyword) => !SUPPORTED_KEYWORDS.has(keyword)));
}

/** ajv's data type checks with `strictNumbers`: numbers are finite. */
function hasType(type: string, data: unknown): boolean {
  switch (type) {
    case 'number':
      return typeof data === 'number' && Number.isFinite(data);
    case 'integer':
      return Number.isInteger(data);
    case 'object':
      return typeof data === 'object' && data !== null && !Array.isArray(data);
    case 'array':
      return Array.isArray(data);
    case 'null':
      return data === null;
    default:
      return typeof data === type;
  }
}

/** ajv's `uniqueItems`: a keyed scan when the items have a scalar type, else pairwise; the first pair found. */
function compileUniqueItems(schema: Record<string, unknown>): Check {
  const items = schema['items'];
  const itemTypes = typeof items === 'object' && items !== null && (items as Record<string, unknown>)['type'] !== undefined ? ([] as string[]).concat((items as Record<string, unknown>)['type'] as string | string[]) : [];
  const keyed = itemTypes.length > 0 && !itemTypes.some((type) => type === 'object' || type === 'array');
  return (data, path, errors) => {
    const list = data as unknown[];
    if (keyed) {
      const indices: Record<string, number> = {};
      for (let i = list.length; i--; ) {
        let item = list[i];
        if (!itemTypes.some((type) => hasType(type, item))) continue;
        if (itemTypes.length > 1 && typeof item === 'string') item += '_';
        const j = indices[item as string];
        if (typeof j === 'number') return void duplicate(errors, path, i, j);
        indices[item as string] = i;
      }
      return;
    }
    for (let i = list.length; i--; ) {
      for (let j = i; j--; ) if (equal(list[i], list[j])) return void duplicate(errors, path, i, j);
    }
  };
}

function duplicate(errors: SchemaError[], path: Place, i: number, j: number): void {
  report(errors, path, 'uniqueItems', { i, j }, `must NOT have duplicate items (items ## ${j} and ${i} are identical)`);
}

function report(errors: SchemaError[], path: Place, keyword: string, params: Record<string, unknown>, message: string): void {
  if ((errors as { [QUICK]?: boolean })[QUICK] === true) errors.push(COUNTED);
  else errors.push({ instancePath: path.length === 0 ? '' : `/${path.join('/')}`, keyword, params, message });
}

/** Length in Unicode code points, as JSON Schema counts `minLength` and `maxLength`. */
function countCodePoints(text: string): number {
  let length = 0;
  for (let index = 0; index < text.length; index++) {
    length++;
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length && (text.charCodeAt(index + 1) & 0xfc00) === 0xdc00) index++;
  }
  return length;
}

/** Deep equality of JSON values, for `const`, `enum` and `uniqueItems`. */
function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return a !== a && b !== b;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((item, index) => equal(item, (b as unknown[])[index]));
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.prototype.hasOwnProperty.call(b, key) && equal((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]));
}

function escapePointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
