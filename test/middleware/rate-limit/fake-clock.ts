import type { Clock } from '../../../src/transport/clock.js';

export interface FakeClock extends Clock {
  /** Moves time forward, waking sleepers in order, and lets the promise chains they start run. */
  advance(milliseconds: number): Promise<void>;
  readonly sleepers: number;
}

/** Lets pending promise chains (and the store calls they make) run to their next wait. */
export async function flush(): Promise<void> {
  for (let round = 0; round < 10; round += 1) await new Promise((resolve) => setImmediate(resolve));
}

export function createFakeClock(start = 1_000_000): FakeClock {
  let time = start;
  const sleepers: Array<{ at: number; wake: () => void }> = [];
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
    async advance(milliseconds) {
      const target = time + milliseconds;
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
    },
    get sleepers() {
      return sleepers.length;
    },
  };
}
