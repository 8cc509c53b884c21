import { isRecord } from '../shared/is-record.js';

/**
 * `extra_body` merged into a wire body last. Top-level keys replace the converted ones, except
 * that an object merges into an object of the same key one level deep, so
 * `extra_body: { generationConfig: { topK: 40 } }` adds `topK` without losing the converted
 * temperature or stop sequences. `null` removes a key.
 */
export function mergeExtraBody(body: Record<string, unknown>, extraBody: unknown): Record<string, unknown> {
  if (!isRecord(extraBody)) return body;
  for (const [key, value] of Object.entries(extraBody)) {
    const current = body[key];
    if (value === null) delete body[key];
    else if (isRecord(value) && isRecord(current)) body[key] = { ...current, ...value };
    else if (value !== undefined) body[key] = value;
  }
  return body;
}
