import { describe, expect, it } from 'vitest';
import { buildDialectError, statusForType, type DialectErrorTable } from '../../../src/dialects/shared/build-dialect-error.js';
import { createHttpError } from '../../../src/errors/create-http-error.js';

const origin = { provider: 'acme', model: 'm' };
const facts = (status: number | undefined, types: (string | undefined)[], message = '') => ({
  status,
  types,
  message,
  text: `acme: failed${message === '' ? '' : `: ${message}`}`,
  body: { message },
});

const table = {
  rules: [
    { types: ['busy'], kind: 'ServiceUnavailable' },
    { statuses: [400], message: /too long/, kind: 'ContextWindowExceeded' },
    { statuses: 'client', message: /blocked/, kind: 'ContentPolicy', hint: '(see {provider} docs)' },
  ],
  otherwise: 'status',
  statusByType: { busy: 529 },
} satisfies DialectErrorTable;

describe('buildDialectError', () => {
  it('takes the first rule whose every condition matches, with the dialect message and hint', () => {
    expect(buildDialectError(table, facts(500, ['busy']), origin)).toMatchObject({ kind: 'ServiceUnavailable', status: 500, message: 'acme: failed', provider: 'acme', model: 'm' });
    expect(buildDialectError(table, facts(400, [], 'prompt too long'), origin).kind).toBe('ContextWindowExceeded');
    expect(buildDialectError(table, facts(422, [], 'too long'), origin).kind).toBe('BadRequest');
    expect(buildDialectError(table, facts(422, [], 'blocked'), origin).message).toBe('acme: failed: blocked (see acme docs)');
  });

  it('falls back to the shared status mapping with the dialect message, 409 alone retryable', () => {
    expect(buildDialectError(table, facts(429, ['other']), origin)).toMatchObject({ kind: 'RateLimited', retryable: true, message: 'acme: failed' });
    expect(buildDialectError(table, facts(409, []), origin)).toMatchObject({ kind: 'BadRequest', retryable: true });
    expect(buildDialectError(table, facts(418, []), origin)).toMatchObject({ kind: 'BadRequest', retryable: false });
    expect(buildDialectError(table, facts(undefined, []), origin)).toMatchObject({ kind: 'BadRequest', retryable: false });
  });

  it('hands over to createHttpError, a fixed kind, or the caller, as the table says', () => {
    const shared = buildDialectError({ rules: [], otherwise: 'shared' }, facts(503, [], 'down'), origin);
    expect(shared).toEqual(createHttpError({ status: 503, body: { message: 'down' }, ...origin, secrets: [] }));
    expect(buildDialectError({ rules: [], otherwise: { kind: 'ServerError' } }, facts(undefined, []), origin).kind).toBe('ServerError');
    expect(buildDialectError({ rules: [], otherwise: 'none' }, facts(400, []), origin)).toBeUndefined();
  });

  it('gives an error without a status the one its type stands for', () => {
    expect(statusForType(table, 'busy')).toBe(529);
    expect(statusForType(table, 'new')).toBe(500);
    expect(statusForType(table, undefined)).toBe(500);
  });
});
