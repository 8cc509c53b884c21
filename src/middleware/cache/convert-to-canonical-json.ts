/**
 * JSON text with object keys sorted at every depth, so equal requests give equal text whatever
 * order their keys were written in. Object keys whose value is undefined are left out (as
 * `JSON.stringify` does); arrays keep their order. Returns undefined for values that are not plain
 * data (a Blob, a stream, a class instance, a cycle, a function), which cannot be part of a key.
 */
export function convertToCanonicalJson(value: unknown): string | undefined {
  const ancestors = new Set<object>();

  function convert(current: unknown): string | undefined {
    switch (typeof current) {
      case 'string':
      case 'boolean':
        return JSON.stringify(current);
      case 'number':
        return Number.isFinite(current) ? JSON.stringify(current) : undefined;
      case 'object':
        break;
      default:
        return undefined;
    }
    if (current === null) return 'null';
    if (ancestors.has(current)) return undefined;
    ancestors.add(current);
    try {
      if (Array.isArray(current)) {
        const items: string[] = [];
        for (const item of current) {
          const text = item === undefined ? 'null' : convert(item);
          if (text === undefined) return undefined;
          items.push(text);
        }
        return `[${items.join(',')}]`;
      }
      const prototype = Object.getPrototypeOf(current) as unknown;
      if (prototype !== Object.prototype && prototype !== null) return undefined;
      const record = current as Record<string, unknown>;
      const fields: string[] = [];
      for (const key of Object.keys(record).sort()) {
        const field = record[key];
        if (field === undefined) continue;
        const text = convert(field);
        if (text === undefined) return undefined;
        fields.push(`${JSON.stringify(key)}:${text}`);
      }
      return `{${fields.join(',')}}`;
    } finally {
      ancestors.delete(current);
    }
  }

  return convert(value);
}
