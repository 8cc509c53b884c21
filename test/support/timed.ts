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
