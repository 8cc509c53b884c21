import type { Clock } from '../../src/transport/clock.js';

export interface ManualClock extends Clock {
  advance(milliseconds: number): void;
  set(time: number): void;
}

/** A clock that moves only when a test says so; `sleep` moves it instead of waiting. */
export function createManualClock(start: number): ManualClock {
  let time = start;
  return {
    now: () => time,
    sleep: async (milliseconds) => {
      time += milliseconds;
    },
    advance(milliseconds) {
      time += milliseconds;
    },
    set(next) {
      time = next;
    },
  };
}
