import type { HealthTimer } from '../../src/middleware/health-check/health-timer.js';
import type { Clock } from '../../src/transport/clock.js';

/**
 * Time as a test drives it: the runtime's `Clock` (for every layer and store that reads time or
 * sleeps) and its `HealthTimer` (for health checks), in one object so a test has one thing to move.
 */
export interface FakeClock extends Clock, HealthTimer {
  /**
   * Moves time forward. When nobody sleeps until before the target, time moves at once (a test may
   * skip the await); otherwise sleepers wake in order, each seeing its own wake time, and the
   * promise chains they start run before the next one wakes.
   */
  advance(milliseconds: number): Promise<void>;
  /** Puts time at `time`, waking nobody. */
  set(time: number): void;
  /** How many `sleep` calls are still waiting. */
  readonly sleepers: number;
  /** Intervals asked for through `every`, and whether each was stopped. */
  readonly scheduled: ReadonlyArray<{ readonly intervalMs: number; readonly stopped: boolean }>;
  /** Runs one interval of every `every` not stopped, and waits for each tick; time does not move. */
  fire(): Promise<void>;
}

/** Lets pending promise chains (and the store calls they make) run to their next wait. */
export async function flush(): Promise<void> {
  for (let round = 0; round < 10; round += 1) await new Promise((resolve) => setImmediate(resolve));
}

export function createFakeClock(start = 1_000_000): FakeClock {
  let time = start;
  const sleepers: Array<{ at: number; wake: () => void }> = [];
  const scheduled: Array<{ intervalMs: number; stopped: boolean; tick: () => Promise<void> }> = [];
  return {
    now: () => time,
    sleep(milliseconds, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) {
          reject(signal.reason);
          return;
        }
        const sleeper = {
          at: time + milliseconds,
          wake: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = (): void => {
          sleepers.splice(sleepers.indexOf(sleeper), 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        sleepers.push(sleeper);
      });
    },
    advance(milliseconds) {
      const target = time + milliseconds;
      if (!sleepers.some((sleeper) => sleeper.at <= target)) {
        time = target;
        return flush();
      }
      return (async () => {
        for (;;) {
          sleepers.sort((a, b) => a.at - b.at);
          const first = sleepers[0];
          if (first === undefined || first.at > target) break;
          sleepers.shift();
          time = Math.max(time, first.at);
          first.wake();
          await flush();
        }
        time = target;
        await flush();
      })();
    },
    set(next) {
      time = next;
    },
    get sleepers() {
      return sleepers.length;
    },
    scheduled,
    every(intervalMs, tick) {
      const entry = { intervalMs, stopped: false, tick };
      scheduled.push(entry);
      return () => {
        entry.stopped = true;
      };
    },
    async fire() {
      for (const entry of scheduled) if (!entry.stopped) await entry.tick();
    },
  };
}
