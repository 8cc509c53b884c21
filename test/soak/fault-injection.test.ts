import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Fault injection against a loopback mock, in a child process so that "the process exits by
 * itself" (no leaked timer or socket) is part of the check.
 */
const here = dirname(fileURLToPath(import.meta.url));
const tsx = join(here, '..', '..', 'node_modules', '.bin', 'tsx');

interface Outcome {
  readonly text?: string;
  readonly error?: string;
  readonly message?: string;
  readonly hits: number;
  readonly typed: boolean;
}
let result: { outcomes: Record<string, Outcome>; unhandled: string[]; rssGrowthMB: number };
let exitStatus: number | null;

beforeAll(() => {
  const child = spawnSync(tsx, [join(here, 'run-fault-scenarios.ts')], { encoding: 'utf8', timeout: 40_000 });
  exitStatus = child.status;
  const line = child.stdout.trim().split('\n').pop() ?? '{}';
  result = JSON.parse(line) as typeof result;
  if (child.status !== 0) console.error(child.stderr);
}, 45_000);

const outcome = (name: string): Outcome => result.outcomes[name] as Outcome;

describe('fault injection', () => {
  it('the process exits by itself, with no unhandled rejection', () => {
    expect(exitStatus).toBe(0);
    expect(result.unhandled).toEqual([]);
  });

  it.each(['429-ms', '429-seconds', '429-date'])('recovers from a 429 with %s Retry-After', (name) => {
    expect(outcome(name)).toMatchObject({ text: 'Hello', hits: 2 });
  });

  it('gives up at once on a Retry-After beyond the 60 s cap', () => {
    expect(outcome('429-too-long')).toMatchObject({ error: 'RateLimitedError', hits: 1, typed: true });
  });

  it('recovers from a 5xx then success, and from a reset before headers', () => {
    expect(outcome('503-then-ok')).toMatchObject({ text: 'Hello', hits: 2 });
    expect(outcome('reset-once')).toMatchObject({ text: 'Hello', hits: 2 });
  });

  it('reports a reset before headers as a NetworkError', () => {
    expect(outcome('reset-before-headers')).toMatchObject({ error: 'NetworkError', hits: 1, typed: true });
  });

  it.each([
    ['reset-mid-stream', 'StreamError'],
    ['stall', 'TimeoutError'],
    ['eof-no-finish', 'StreamError'],
    ['malformed', 'StreamError'],
    ['huge-event', 'StreamError'],
  ])('ends %s in %s, never retried after the first streamed byte', (name, error) => {
    expect(outcome(name)).toMatchObject({ error, hits: 1, typed: true });
  });

  it('turns an error event inside a stream into a typed error, not retried', () => {
    expect(outcome('error-event')).toMatchObject({ hits: 1, typed: true });
    expect(outcome('error-event').message).toContain('model overloaded');
  });

  it('maps an HTML 502 body to ServiceUnavailableError', () => {
    expect(outcome('html-502')).toMatchObject({ error: 'ServiceUnavailableError', typed: true });
  });

  it('names the limit for an 8 MB event and keeps memory bounded', () => {
    expect(outcome('huge-event').message).toContain('maximum event size');
    expect(result.rssGrowthMB).toBeLessThan(64);
  });

  it('reads a gzip-encoded stream', () => {
    expect(outcome('gzip')).toMatchObject({ text: 'Hello', hits: 1 });
  });
});
