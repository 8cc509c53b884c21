import { isRecord } from './is-record.js';

/**
 * An OpenAI-shaped request as a wire body: `extra_body` merged into the top level last, as-is
 * (the caller's explicit escape hatch), and `undefined` fields left out.
 */
export function mergeExtraBody(
  request: Readonly<Record<string, unknown>>,
  overrides: Readonly<Record<string, unknown>> = {},
): Record<string, unknown> {
  const { extra_body: extraBody, ...rest } = request;
  const body: Record<string, unknown> = {};
  for (const [name, value] of Object.entries({ ...rest, ...overrides })) if (value !== undefined) body[name] = value;
  if (isRecord(extraBody)) Object.assign(body, extraBody);
  return body;
}
