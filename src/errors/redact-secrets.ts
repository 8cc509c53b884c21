const REDACTED = '[REDACTED]';

/**
 * Replaces every configured secret inside a string or a JSON-like value. Provider error bodies
 * sometimes echo the key they rejected, and network errors can carry URLs with `?key=`; both end
 * up in errors that applications log.
 */
export function redactSecrets<T>(value: T, secrets: readonly string[]): T {
  if (secrets.length === 0) return value;
  return redactValue(value, secrets, 0) as T;
}

function redactValue(value: unknown, secrets: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return redactString(value, secrets);
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secrets, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = redactValue(item, secrets, depth + 1);
  return copy;
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
