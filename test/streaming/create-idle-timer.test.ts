import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createIdleTimer } from '../../src/streaming/create-idle-timer.js';

describe('createIdleTimer', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance', 'Date'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('fires once after idleMs without a read', () => {
    const onIdle = vi.fn();
    const idle = createIdleTimer(1_000, onIdle);
    idle.arm();
    vi.advanceTimersByTime(999);
    expect(onIdle).not.toHaveBeenCalled();
    expect(idle.fired).toBe(false);
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    expect(idle.fired).toBe(true);
    vi.advanceTimersByTime(10_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('counts the silence from the last read, however often it is re-armed', () => {
    const onIdle = vi.fn();
    const idle = createIdleTimer(1_000, onIdle);
    idle.arm();
    for (let read = 0; read < 50; read += 1) {
      vi.advanceTimersByTime(300);
      idle.arm();
    }
    expect(onIdle).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(1);
    vi.advanceTimersByTime(999);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('never fires once cleared, and can be armed again after', () => {
    const onIdle = vi.fn();
    const idle = createIdleTimer(1_000, onIdle);
    idle.arm();
    idle.clear();
    vi.advanceTimersByTime(5_000);
    expect(onIdle).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    idle.arm();
    vi.advanceTimersByTime(1_000);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it('waits out a timeout longer than a Node timer can hold instead of firing at once', () => {
    const onIdle = vi.fn();
    const idle = createIdleTimer(2 ** 32, onIdle);
    idle.arm();
    vi.advanceTimersByTime(2 ** 31);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2 ** 31);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });
});
