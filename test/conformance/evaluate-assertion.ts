// The assertion evaluator of the conformance runner: pure functions over a call's outcome.

/** One `{ type, field?, value? }` entry of a fixture's `assertions`. */
export interface Assertion {
  readonly type: string;
  readonly field?: string;
  readonly value?: unknown;
}

/** What the runner saw of the thrown error. */
export interface ThrownError {
  /** The error's `kind` property (`RateLimited`, ...), when it has one. */
  readonly kind: string | undefined;
  /** The HTTP status on the error (`status`), when it has one. */
  readonly status: number | undefined;
  readonly name: string;
  readonly message: string;
}

/**
 * The outcome of one call. `fields` is what assertions read: the result (plus pseudo-fields for
 * streams) when the call succeeded, and `{ error: { status_code, kind, ... } }` (plus whatever a
 * stream yielded before it broke) when it threw.
 */
export type CallOutcome =
  | { readonly ok: true; readonly fields: unknown }
  | { readonly ok: false; readonly error: ThrownError; readonly fields: unknown };

export type PathSegment = string | number;

export type FieldLookup =
  | { readonly found: true; readonly value: unknown }
  | { readonly found: false; readonly missing: string };

/** `choices[0].message.tool_calls[1].id` -> `['choices', 0, 'message', 'tool_calls', 1, 'id']`. Throws on a malformed path. */
export function parseFieldPath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  const pattern = /^([A-Za-z_][A-Za-z0-9_]*)((?:\[\d+\])*)$/;
  if (path === '') throw new Error('field path is empty');
  for (const part of path.split('.')) {
    const match = pattern.exec(part);
    if (match === null) throw new Error(`malformed field path "${path}" at "${part}"`);
    segments.push(match[1] as string);
    for (const index of (match[2] as string).matchAll(/\[(\d+)\]/g)) segments.push(Number(index[1]));
  }
  return segments;
}

/** Reads a snake_case path with `[i]` indexes; says where the path stopped when it is missing. */
export function readField(root: unknown, path: string): FieldLookup {
  let current: unknown = root;
  let walked = '';
  for (const segment of parseFieldPath(path)) {
    walked = typeof segment === 'number' ? `${walked}[${segment}]` : walked === '' ? segment : `${walked}.${segment}`;
    if (typeof segment === 'number') {
      if (!Array.isArray(current) || segment >= current.length) return { found: false, missing: walked };
      current = current[segment];
    } else {
      if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, segment)) {
        return { found: false, missing: walked };
      }
      current = (current as Record<string, unknown>)[segment];
    }
    if (current === undefined) return { found: false, missing: walked };
  }
  return { found: true, value: current };
}

/** Structural equality of JSON-like values (arrays by order, objects by own enumerable keys). */
export function deepEqual(left: unknown, right: unknown): boolean {
  if (Object.is(left, right)) return true;
  if (typeof left !== 'object' || typeof right !== 'object' || left === null || right === null) return false;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, index) => deepEqual(item, right[index]));
  }
  const leftKeys = Object.keys(left).filter((key) => (left as Record<string, unknown>)[key] !== undefined);
  const rightKeys = Object.keys(right).filter((key) => (right as Record<string, unknown>)[key] !== undefined);
  if (leftKeys.length !== rightKeys.length) return false;
  return leftKeys.every(
    (key) => Object.hasOwn(right, key) && deepEqual((left as Record<string, unknown>)[key], (right as Record<string, unknown>)[key]),
  );
}

/** A short, single-line rendering of a value for failure messages. */
export function formatValue(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
  let text: string;
  try {
    text = JSON.stringify(value) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

function describeError(error: ThrownError): string {
  const status = error.status === undefined ? '' : `, status ${error.status}`;
  return `${error.name} (kind ${error.kind ?? 'none'}${status}): ${error.message}`;
}

function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
  if (value instanceof Uint8Array || value instanceof ArrayBuffer) return value.byteLength === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  return false;
}

/** Evaluates one assertion; returns undefined when it holds, else what was expected and what was found. */
export function evaluateAssertion(assertion: Assertion, outcome: CallOutcome): string | undefined {
  const { type } = assertion;
  if (type === 'not_error') {
    return outcome.ok ? undefined : `not_error: expected no error, got ${describeError(outcome.error)}`;
  }
  if (type === 'error') {
    if (outcome.ok) return `error: expected kind ${formatValue(assertion.value)}, got a result`;
    if (outcome.error.kind === assertion.value) return undefined;
    return `error: expected kind ${formatValue(assertion.value)}, got ${describeError(outcome.error)}`;
  }

  if (typeof assertion.field !== 'string') return `${type}: the assertion has no field`;
  const label = `${type} ${assertion.field}`;
  let lookup: FieldLookup;
  try {
    lookup = readField(outcome.fields, assertion.field);
  } catch (error) {
    return `${label}: ${error instanceof Error ? error.message : String(error)}`;
  }
  const thrown = outcome.ok ? '' : ` (the call threw ${outcome.error.name})`;
  if (!lookup.found) return `${label}: expected ${describeExpectation(assertion)}, but ${lookup.missing} is missing${thrown}`;
  const actual = lookup.value;
  const got = `${label}: expected ${describeExpectation(assertion)}, got ${formatValue(actual)}${thrown}`;

  switch (type) {
    case 'equals':
      return deepEqual(actual, assertion.value) ? undefined : got;
    case 'contains':
      if (typeof actual === 'string' && typeof assertion.value === 'string') return actual.includes(assertion.value) ? undefined : got;
      if (Array.isArray(actual)) return actual.some((item) => deepEqual(item, assertion.value)) ? undefined : got;
      return `${got} (neither a string nor an array)`;
    case 'not_empty':
      return isEmpty(actual) ? got : undefined;
    case 'count_equals':
    case 'count_min': {
      if (typeof assertion.value !== 'number') return `${label}: the assertion value is not a number`;
      if (!Array.isArray(actual)) return `${got} (not an array)`;
      const holds = type === 'count_equals' ? actual.length === assertion.value : actual.length >= assertion.value;
      return holds ? undefined : `${label}: expected ${describeExpectation(assertion)}, got length ${actual.length}${thrown}`;
    }
    case 'greater_than':
      if (typeof assertion.value !== 'number') return `${label}: the assertion value is not a number`;
      return typeof actual === 'number' && actual > assertion.value ? undefined : got;
    case 'is_true':
      return actual === true ? undefined : got;
    default:
      return `unknown assertion type "${type}"`;
  }
}

function describeExpectation(assertion: Assertion): string {
  const value = formatValue(assertion.value);
  switch (assertion.type) {
    case 'equals':
      return value;
    case 'contains':
      return `to contain ${value}`;
    case 'not_empty':
      return 'a non-empty value';
    case 'count_equals':
      return `length ${value}`;
    case 'count_min':
      return `length >= ${value}`;
    case 'greater_than':
      return `a number > ${value}`;
    case 'is_true':
      return 'true';
    default:
      return value;
  }
}

/**
 * Every failed assertion of a case. A call that throws fails the case unless an `error` assertion
 * expects it, so a thrown error never passes through assertions that only read pseudo-fields.
 */
export function evaluateCase(assertions: readonly Assertion[], outcome: CallOutcome): string[] {
  const failures: string[] = [];
  if (assertions.length === 0) failures.push('the case has no assertions');
  const expectsError = assertions.some((assertion) => assertion.type === 'error');
  const checksError = assertions.some((assertion) => assertion.type === 'not_error');
  if (!outcome.ok && !expectsError && !checksError) failures.push(`unexpected error: ${describeError(outcome.error)}`);
  for (const assertion of assertions) {
    const failure = evaluateAssertion(assertion, outcome);
    if (failure !== undefined) failures.push(failure);
  }
  return failures;
}
