import { BadRequestError } from '../../src/index.js';
import { isRecord } from '../../src/dialects/shared/is-record.js';

/**
 * Typed readers for one field of an untrusted Anthropic request body. Each throws a
 * `BadRequestError` whose message starts with the field's path (`messages[2].content[0].text`),
 * as Anthropic's own `invalid_request_error` messages do.
 */
export const readRequestField = {
  record(value: unknown, field: string): Record<string, unknown> {
    if (!isRecord(value)) throw invalid(field, 'must be an object');
    return value;
  },
  array(value: unknown, field: string): unknown[] {
    if (!Array.isArray(value)) throw invalid(field, 'must be an array');
    return value;
  },
  string(value: unknown, field: string): string {
    if (typeof value !== 'string') throw invalid(field, 'must be a string');
    return value;
  },
  nonEmptyString(value: unknown, field: string): string {
    if (typeof value !== 'string' || value === '') throw invalid(field, 'must be a non-empty string');
    return value;
  },
  boolean(value: unknown, field: string): boolean {
    if (typeof value !== 'boolean') throw invalid(field, 'must be a boolean');
    return value;
  },
  number(value: unknown, field: string, minimum: number, maximum: number): number {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < minimum || value > maximum) {
      throw invalid(field, `must be a number from ${minimum} to ${maximum}`);
    }
    return value;
  },
  integer(value: unknown, field: string, minimum: number): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < minimum) throw invalid(field, `must be an integer of at least ${minimum}`);
    return value;
  },
};

/** The error for a field: `${field}: ${problem}`. */
export function invalid(field: string, problem: string): BadRequestError {
  return new BadRequestError(`${field}: ${problem}`);
}
