/** How a call settled, and after how long: what the "settles within X" guarantees are checked on. */
export interface Settled {
  readonly ms: number;
  readonly value?: unknown;
  readonly error?: unknown;
}

/** Waits for `call` and reports its outcome and duration; never rejects. */
export async function timed(call: Promise<unknown>): Promise<Settled> {
  const started = performance.now();
  try {
    const value = await call;
    return { ms: performance.now() - started, value };
  } catch (error) {
    return { ms: performance.now() - started, error };
  }
}

/**
 * `promise`, or a rejection naming `label` once `ms` have passed: a test step that could wait
 * forever (a client that never reconnects, a server that never exits) fails and says which step
 * hung, instead of running into the test's timeout.
 */
export function within<T>(ms: number, label: string, promise: Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error(`${label}: still waiting after ${ms} ms`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
