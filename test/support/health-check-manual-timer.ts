import type { HealthTimer } from '../../src/middleware/health-check/health-timer.js';

export interface ManualTimer extends HealthTimer {
  /** Intervals asked for, and whether each was stopped. */
  readonly scheduled: Array<{ readonly intervalMs: number; stopped: boolean }>;
  /** Runs one interval of every timer not stopped, and waits for its probes. */
  fire(): Promise<void>;
}

/** A health-check timer driven by the test: nothing runs until `fire()`. */
export function createManualTimer(): ManualTimer {
  const scheduled: Array<{ intervalMs: number; stopped: boolean; tick: () => Promise<void> }> = [];
  return {
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
