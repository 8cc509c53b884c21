/** Runs the periodic probes; tests pass a manual one. */
export interface HealthTimer {
  /** Calls `tick` every `intervalMs` until the returned function is called. Must not keep the process alive. */
  every(intervalMs: number, tick: () => Promise<void>): () => void;
}

/**
 * `setInterval`, `unref()`ed where the runtime supports it (Node, Bun, Deno), so health checks
 * never keep a process alive.
 *
 * @example
 * const stop = systemHealthTimer.every(30_000, checkAll);
 */
export const systemHealthTimer: HealthTimer = {
  every(intervalMs, tick) {
    const handle = setInterval(() => {
      tick().catch(() => undefined);
    }, intervalMs);
    (handle as { unref?: () => void }).unref?.();
    return () => clearInterval(handle);
  },
};
