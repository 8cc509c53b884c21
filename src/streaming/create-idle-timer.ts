import { MAX_TIMER_MS } from '../transport/max-timer-ms.js';

/** A timer re-armed on every read; it fires once after `idleMs` without a read. */
export interface IdleTimer {
  arm(): void;
  clear(): void;
  /** Whether it fired. */
  readonly fired: boolean;
}

/**
 * Arming only notes the time of the read: a stream re-arms on every event, and replacing a Node
 * timer each time (clearTimeout + setTimeout) cost more than reading a small event. One timer runs
 * at a time; when it comes due it measures the silence since the last read (on the monotonic clock)
 * and either fires or waits out the rest.
 */
export function createIdleTimer(idleMs: number, onIdle: () => void): IdleTimer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let lastRead = 0;
  let fired = false;
  const due = (): void => {
    const silence = performance.now() - lastRead;
    if (silence < idleMs) {
      timer = setTimeout(due, Math.min(idleMs - silence, MAX_TIMER_MS));
      return;
    }
    timer = undefined;
    fired = true;
    onIdle();
  };
  return {
    arm() {
      lastRead = performance.now();
      timer ??= setTimeout(due, Math.min(idleMs, MAX_TIMER_MS));
    },
    clear() {
      clearTimeout(timer);
      timer = undefined;
    },
    get fired() {
      return fired;
    },
  };
}
