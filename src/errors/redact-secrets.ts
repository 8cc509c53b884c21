const REDACTED = '[REDACTED]';

/**
 * Replaces every configured secret inside a string or a JSON-like value. Provider error bodies
 * sometimes echo the key they rejected, and network errors can carry URLs with `?key=`; both end
 * up in errors that applications log.
 *
 * The copy is made iteratively, so a hostile body nested thousands of levels deep is scrubbed
 * whole (a depth limit would hand its innermost levels back untouched), and a value that refers
 * to itself is copied with the same shape instead of looping.
 */
export function redactSecrets<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  if (typeof value === 'string') return redactString(value, secrets) as T;
  if (value === null || typeof value !== 'object') return value;
  const copies = new Map<object, Record<string, unknown>>();
  const pending: object[] = [];
  const copyOf = (source: object): Record<string, unknown> => {
    let copy = copies.get(source);
    if (copy === undefined) {
      copy = (Array.isArray(source) ? [] : {}) as Record<string, unknown>;
      copies.set(source, copy);
      pending.push(source);
    }
    return copy;
  };
  const root = copyOf(value);
  for (let source = pending.pop(); source !== undefined; source = pending.pop()) {
    const target = copies.get(source) as Record<string, unknown>;
    for (const [key, item] of Object.entries(source)) {
      const redacted =
        typeof item === 'string' ? redactString(item, secrets) : item !== null && typeof item === 'object' ? copyOf(item) : item;
      // A JSON body may carry a `__proto__` key: it stays a plain property of the copy.
      Object.defineProperty(target, key, { value: redacted, writable: true, enumerable: true, configurable: true });
    }
  }
  return root as T;
}

function redactString(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets) {
    // Short values ("x", "test") would shred ordinary text; real keys are long.
    if (secret.length < 8) continue;
    if (result.includes(secret)) result = result.split(secret).join(REDACTED);
    // Providers often echo a key partly masked ("sk-abc...xyz"): hide the visible prefix too.
    const prefix = secret.slice(0, Math.min(12, secret.length - 4));
    if (prefix.length >= 8 && result.includes(prefix)) result = result.split(prefix).join(REDACTED);
  }
  return result;
}
