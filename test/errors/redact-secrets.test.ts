import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/errors/redact-secrets.js';

describe('redactSecrets', () => {
  const key = 'sk-canary-1234567890abcdef';

  it('removes keys from strings and nested bodies', () => {
    const body = { error: { message: `Incorrect API key provided: ${key}`, list: [key] } };
    const redacted = redactSecrets(body, [key]);
    expect(JSON.stringify(redacted)).not.toContain(key);
    expect(redacted.error.message).toBe('Incorrect API key provided: [REDACTED]');
    expect(body.error.message).toContain(key);
  });

  it('removes the visible prefix of a partly masked key', () => {
    const masked = `Incorrect API key provided: ${key.slice(0, 12)}****cdef`;
    expect(redactSecrets(masked, [key])).not.toContain(key.slice(0, 12));
  });

  it('leaves short values alone so ordinary text survives', () => {
    expect(redactSecrets('test message', ['test'])).toBe('test message');
  });
});
