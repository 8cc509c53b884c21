import { describe, expect, it } from 'vitest';
import { createAdmissionQueue, type AdmissionRequest } from '../../../src/middleware/rate-limit/create-admission-queue.js';
import type { RateLimitAcquireResult } from '../../../src/middleware/rate-limit/rate-limit-store.js';
import { createFakeClock, flush } from '../../support/fake-clock.js';

/** A store answer that arrives when the test says so, like a remote store's. */
function deferred() {
  let resolve: (result: RateLimitAcquireResult) => void = () => {};
  let reject: (error: unknown) => void = () => {};
  const promise = new Promise<RateLimitAcquireResult>((settle, fail) => {
    resolve = settle;
    reject = fail;
  });
  return { promise, resolve, reject };
}

function request(attempt: () => Promise<RateLimitAcquireResult>, overrides: Partial<AdmissionRequest> = {}): AdmissionRequest {
  return { attempt, deadline: Infinity, signal: undefined, tooLong: () => new Error('too long'), release: () => {}, ...overrides };
}

describe('createAdmissionQueue', () => {
  it('keeps later calls behind a first call whose store answer is still on its way', async () => {
    const clock = createFakeClock();
    const queue = createAdmissionQueue(clock);
    const first = deferred();
    const order: string[] = [];
    let secondAttempts = 0;
    const a = queue.admit('k', request(() => first.promise)).then(() => order.push('a'));
    const b = queue
      .admit(
        'k',
        request(async () => {
          secondAttempts += 1;
          return { admitted: true };
        }),
      )
      .then(() => order.push('b'));
    await flush();
    // b arrived while a's store call was pending: it has not asked the store yet.
    expect(secondAttempts).toBe(0);
    first.resolve({ admitted: true });
    await Promise.all([a, b]);
    expect(order).toEqual(['a', 'b']);
    expect(secondAttempts).toBe(1);
  });

  it('makes a first call without room the head of the queue, retrying after the wait without asking twice at once', async () => {
    const clock = createFakeClock();
    const queue = createAdmissionQueue(clock);
    const answers: RateLimitAcquireResult[] = [{ admitted: false, retryAfterMs: 1_000, key: 'k' }, { admitted: true }];
    let attempts = 0;
    let admitted = false;
    const call = queue
      .admit(
        'k',
        request(async () => {
          attempts += 1;
          return answers.shift() as RateLimitAcquireResult;
        }),
      )
      .then(() => {
        admitted = true;
      });
    await flush();
    expect(attempts).toBe(1);
    expect(admitted).toBe(false);
    await clock.advance(999);
    expect(attempts).toBe(1);
    await clock.advance(1);
    await call;
    expect(attempts).toBe(2);
  });

  it('rejects a first call whose wait passes its deadline, and one whose store fails, and serves the next', async () => {
    const clock = createFakeClock();
    const queue = createAdmissionQueue(clock);
    const full = async (): Promise<RateLimitAcquireResult> => ({ admitted: false, retryAfterMs: 5_000, key: 'k' });
    await expect(queue.admit('k', request(full, { deadline: clock.now() + 1_000 }))).rejects.toThrow('too long');
    const failing = deferred();
    const broken = queue.admit('k', request(() => failing.promise));
    const next = queue.admit('k', request(async () => ({ admitted: true })));
    failing.reject(new Error('store down'));
    await expect(broken).rejects.toThrow('store down');
    await expect(next).resolves.toBeUndefined();
  });

  it("lets a call leave at its own deadline (real time), behind a head whose store hangs or at the head waiting for room", async () => {
    const clock = createFakeClock();
    const queue = createAdmissionQueue(clock);
    const outOfTime = () => new Error('out of time');
    const hanging = queue.admit('k', request(() => new Promise<never>(() => {})));
    hanging.catch(() => {});
    const behind = queue.admit('k', request(async () => ({ admitted: true }), { callDeadlineAt: Date.now() + 50, outOfTime }));
    await expect(behind).rejects.toThrow('out of time');

    const full = async (): Promise<RateLimitAcquireResult> => ({ admitted: false, retryAfterMs: 60_000, key: 'j' });
    const head = queue.admit('j', request(full, { callDeadlineAt: Date.now() + 50, outOfTime }));
    await expect(head).rejects.toThrow('out of time');
    // The sleeping head was woken: the queue is free for the next call at once.
    await expect(queue.admit('j', request(async () => ({ admitted: true })))).resolves.toBeUndefined();
  });
});

