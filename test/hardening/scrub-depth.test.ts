import { describe, expect, it } from 'vitest';
import { BadRequestError } from '../../src/errors/error-classes.js';
import { redactError } from '../../src/errors/redact-error.js';
import { redactSecrets } from '../../src/errors/redact-secrets.js';
import { createSecretRegistry } from '../../src/client/create-secret-registry.js';
import { normalizeClientOptions } from '../../src/client/normalize-client-options.js';
import { leaks } from './collect-strings.js';

const KEY = 'sk-deep-secret-0123456789abcdef';

describe('scrubbing reaches any depth', () => {
  it('a key 100,000 levels deep in a body is scrubbed (no depth limit, no stack overflow)', () => {
    let body: unknown = { message: `echo ${KEY}` };
    for (let depth = 0; depth < 100_000; depth += 1) body = depth % 2 === 0 ? { inner: body } : [body];
    const error = new BadRequestError('bad request', { body });
    redactError(error, [KEY]);
    expect(leaks(error.body, [KEY])).toEqual([]);
    expect(leaks(error.body, ['[REDACTED]']).length).toBe(1);
  });

  it('a body that refers to itself is copied with the same shape, scrubbed', () => {
    const body: Record<string, unknown> = { message: KEY, list: [KEY] };
    body.self = body;
    (body.list as unknown[]).push(body);
    const copy = redactSecrets(body, [KEY]);
    expect(copy.message).toBe('[REDACTED]');
    expect(copy.self).toBe(copy);
    expect((copy.list as unknown[])[1]).toBe(copy);
    expect(body.message).toBe(KEY);
  });

  it('errors whose causes and attempts refer to each other are all scrubbed', () => {
    const first = new Error(`first ${KEY}`);
    const second = new Error(`second ${KEY}`, { cause: first });
    Object.defineProperty(first, 'cause', { value: second });
    Object.defineProperty(second, 'errors', { value: [first, second, new Error(`third ${KEY}`)] });
    redactError(second, [KEY]);
    expect(leaks(second, [KEY])).toEqual([]);
  });

  it('a long chain of causes is scrubbed to its end', () => {
    let error = new Error(`root ${KEY}`);
    for (let depth = 0; depth < 5_000; depth += 1) error = new Error('wrap', { cause: error });
    redactError(error, [KEY]);
    expect(leaks(error, [KEY])).toEqual([]);
  });
});

describe('each line of a registered PEM key is a secret', () => {
  it('lines of a service account private key are registered, the armour lines are not', () => {
    const pem = ['-----BEGIN PRIVATE KEY-----', 'MIIEvQIBADANBgkqhkiG9w0BAQEFAASC', 'BKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj', '-----END PRIVATE KEY-----', ''].join('\n');
    const registry = createSecretRegistry(
      normalizeClientOptions({ providers: { vertex_ai: { serviceAccount: { private_key: pem } } } }),
      [],
    );
    const echoed = redactSecrets('near MIIEvQIBADANBgkqhkiG9w0BAQEFAASC and BKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj', registry.values);
    expect(echoed).not.toContain('MIIEvQIBADANBgkq');
    expect(echoed).not.toContain('BKcwggSjAgEAAoIB');
    expect(registry.values).not.toContain('-----BEGIN PRIVATE KEY-----');
  });
});
