/** A timer re-armed on every read; it fires once after `idleMs` without a read. */
export interface IdleTimer {
  arm(): void;
  clear(): void;
  /** Whether it fired. */
  readonly fired: boolean;
}

export function createIdleTimer(idleMs: number, onIdle: () => void): IdleTimer {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let fired = false;
  return {
    arm() {
      clearTimeout(timer);
      timer = setTimeout(() => {
        fired = true;
        onIdle();
      }, idleMs);
    },
    clear() {
      clearTimeout(timer);
    },
    get fired() {
      return fired;
    },
  };
}
