/**
 * Turns the errors of a compiled JSON Schema validator into short, readable lines.
 *
 * This module is copied verbatim into `generated/validators/`, where the generated validators use it
 * at run time, and the generator uses it at build time to report registry problems. It must therefore
 * import nothing, and it never prints a value taken from the validated data (that data may hold
 * secrets): only pointers, property names and facts from the schema itself.
 */

/** The fields of an ajv error object that are read here (ajv's `ErrorObject`, without importing ajv). */
export interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly message?: string;
  /** Set on errors raised by a `propertyNames` subschema. */
  readonly propertyName?: string;
  /** Present when the validator was compiled with `verbose: true`. */
  readonly parentSchema?: unknown;
}

/** A compiled validator as ajv's standalone code exports it. */
export interface CompiledSchemaValidator {
  (data: unknown): boolean;
  errors?: readonly SchemaError[] | null;
}

/** One problem: where it is (a JSON pointer into the data, `''` for the root) and what is wrong. */
export interface SchemaProblem {
  readonly pointer: string;
  readonly reason: string;
}

/**
 * Formats validator errors as `<pointer or (root)> <reason>` joined by `; `, listing at most
 * `maxProblems` of them and counting the rest. With `style` `'field'`, places are written as a
 * caller names a field of the request (`messages[0].role`) rather than as JSON pointers.
 */
export function formatSchemaErrors(
  errors: readonly SchemaError[] | null | undefined,
  maxProblems = 5,
  style: 'pointer' | 'field' = 'pointer',
): string {
  const problems = describeSchemaErrors(errors ?? []);
  if (problems.length === 0) return '(root) is not valid';
  const place = style === 'field' ? toFieldPath : (pointer: string) => pointer;
  const shown = problems.slice(0, maxProblems).map((problem) => `${place(problem.pointer) || '(root)'} ${problem.reason}`);
  const hidden = problems.length - shown.length;
  if (hidden > 0) shown.push(hidden === 1 ? 'and 1 more problem' : `and ${hidden} more problems`);
  return shown.join('; ');
}

/** One problem per error, in the validator's order, without ajv's redundant summary errors. */
export function describeSchemaErrors(errors: readonly SchemaError[]): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (isRedundant(error, errors)) continue;
    const problem = describeSchemaError(error);
    const key = `${problem.pointer}\u0000${problem.reason}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function describeSchemaError(error: SchemaError): SchemaProblem {
  const { instancePath, keyword, params } = error;
  const message = error.message ?? `must pass the "${keyword}" check`;
  if (error.propertyName !== undefined) {
    return { pointer: appendPointer(instancePath, error.propertyName), reason: `property name ${message}` };
  }
  switch (keyword) {
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return {
        pointer: instancePath,
        reason: `must NOT have additional property ${quote(params['additionalProperty'] ?? params['unevaluatedProperty'])}`,
      };
    case 'required':
      return { pointer: instancePath, reason: `must have required property ${quote(params['missingProperty'])}` };
    case 'enum':
      return { pointer: instancePath, reason: `must be one of ${listValues(params['allowedValues'])}` };
    case 'const':
      return { pointer: instancePath, reason: `must be ${listValues([params['allowedValue']])}` };
    case 'uniqueItems':
      return {
        pointer: instancePath,
        reason: `must NOT have duplicate items (items ${String(params['j'])} and ${String(params['i'])} are identical)`,
      };
    case 'discriminator':
      return describeDiscriminatorError(error);
    default:
      return { pointer: instancePath, reason: message };
  }
}

/** ajv adds a summary error after the specific errors of `propertyNames`; the specific ones suffice. */
function isRedundant(error: SchemaError, errors: readonly SchemaError[]): boolean {
  // `must match "then"/"else" schema` only sums up the branch's own errors, listed beside it.
  if (error.keyword === 'if') return true;
  if (error.keyword !== 'propertyNames') return false;
  const propertyName = error.params['propertyName'];
  return errors.some(
    (other) => other !== error && other.instancePath === error.instancePath && other.propertyName === propertyName,
  );
}

function describeDiscriminatorError(error: SchemaError): SchemaProblem {
  const tag = String(error.params['tag']);
  const pointer = appendPointer(error.instancePath, tag);
  if (error.params['error'] === 'tag') {
    return { pointer, reason: 'must be a string naming one of the alternatives' };
  }
  const values = discriminatorValues(error.parentSchema, tag);
  return {
    pointer,
    reason: values.length > 0 ? `must be one of ${listValues(values)}` : 'must be one of the values the schema allows',
  };
}

/** The tag values of a `oneOf` with a discriminator, read from the schema (verbose errors only). */
function discriminatorValues(schema: unknown, tag: string): unknown[] {
  if (!isRecord(schema) || !Array.isArray(schema['oneOf'])) return [];
  const values: unknown[] = [];
  for (const branch of schema['oneOf']) {
    const properties = isRecord(branch) ? branch['properties'] : undefined;
    const tagSchema = isRecord(properties) ? properties[tag] : undefined;
    if (isRecord(tagSchema) && 'const' in tagSchema) values.push(tagSchema['const']);
    else if (isRecord(tagSchema) && Array.isArray(tagSchema['enum'])) values.push(...tagSchema['enum']);
  }
  return values;
}

function listValues(values: unknown): string {
  return Array.isArray(values) ? values.map((value) => JSON.stringify(value)).join(', ') : 'the allowed values';
}

function quote(value: unknown): string {
  return JSON.stringify(String(value));
}

/** `/messages/0/role` -> `messages[0].role`; a name that is not an identifier is quoted (`a["b c"]`). */
export function toFieldPath(pointer: string): string {
  let path = '';
  for (const encoded of pointer.split('/').slice(1)) {
    const segment = encoded.replace(/~1/g, '/').replace(/~0/g, '~');
    if (/^(0|[1-9][0-9]*)$/.test(segment)) path += `[${segment}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) path += path === '' ? segment : `.${segment}`;
    else path += `[${JSON.stringify(segment)}]`;
  }
  return path;
}

function appendPointer(pointer: string, segment: string): string {
  return `${pointer}/${segment.replace(/~/g, '~0').replace(/\//g, '~1')}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
