const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Renders a JSON value as a TypeScript expression, one property or item per line so that a
 * regenerated diff shows exactly what changed. Leaves are written with `JSON.stringify`; keys that are
 * identifiers stay bare, `__proto__` becomes a computed key (a literal `__proto__:` would set the
 * prototype instead of a property). Indentation is left to the formatter.
 */
export function renderTypeScriptValue(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`cannot render the number ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    if (value.length === 0) return '[]';
    return `[\n${value.map((item) => `${renderTypeScriptValue(item)},\n`).join('')}]`;
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 0) return '{}';
    return `{\n${entries.map(([key, item]) => `${renderKey(key)}: ${renderTypeScriptValue(item)},\n`).join('')}}`;
  }
  throw new TypeError(`cannot render a value of type ${typeof value}`);
}

function renderKey(key: string): string {
  if (key === '__proto__') return '["__proto__"]';
  return IDENTIFIER.test(key) ? key : JSON.stringify(key);
}
