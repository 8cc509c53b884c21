import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLinkedSignal } from '../../src/transport/create-linked-signal.js';

afterEach(() => {
  vi.useRealTimers();
});

/** A parent signal that counts the abort listeners it holds. */
function countingParent(): { controller: AbortController; listeners: () => number } {
  const controller = new AbortController();
  let count = 0;
  const add = controller.signal.addEventListener.bind(controller.signal);
  const remove = controller.signal.removeEventListener.bind(controller.signal);
  controller.signal.addEventListener = ((type: string, listener: EventListener, options?: AddEventListenerOptions) => {
    if (type === 'abort') count += 1;
    add(type, listener, options);
  }) as typeof controller.signal.addEventListener;
  controller.signal.removeEventListener = ((type: string, listener: EventListener) => {
    if (type === 'abort') count -= 1;
    remove(type, listener);
  }) as typeof controller.signal.removeEventListener;
  return { controller, listeners: () => count };
}

describe('createLinkedSignal', () => {
  it('aborts with the parent and its reason, and lets go of the parent', () => {
    const parent = countingParent();
    const linked = createLinkedSignal(parent.controller.signal, 60_000);
    expect(parent.listeners()).toBe(1);
    const reason = new Error('caller gave up');
    parent.controller.abort(reason);
    expect(linked.signal.aborted).toBe(true);
    expect(linked.signal.reason).toBe(reason);
    expect(parent.listeners()).toBe(0);
  });

  it('aborts with a TimeoutError when the time is up, and lets go of the parent', () => {
    vi.useFakeTimers();
    const parent = countingParent();
    const linked = createLinkedSignal(parent.controller.signal, 1_000);
    vi.advanceTimersByTime(999);
    expect(linked.signal.aborted).toBe(false);
    vi.advanceTimersByTime(1);
    expect(linked.signal.aborted).toBe(true);
    expect(linked.signal.reason).toMatchObject({ name: 'TimeoutError' });
    expect(parent.listeners()).toBe(0);
  });

  it('dispose() stops the timer and unhooks from a long-lived parent: no listener per piece of work', () => {
    vi.useFakeTimers();
    const parent = countingParent();
    for (let work = 0; work < 1_000; work += 1) createLinkedSignal(parent.controller.signal, 5_000).dispose();
    expect(parent.listeners()).toBe(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('stopTimer() lets the work outlive its deadline, still cancelled by the parent', () => {
    vi.useFakeTimers();
    const parent = countingParent();
    const linked = createLinkedSignal(parent.controller.signal, 100);
    linked.stopTimer();
    vi.advanceTimersByTime(1_000);
    expect(linked.signal.aborted).toBe(false);
    parent.controller.abort('closed');
    expect(linked.signal.reason).toBe('closed');
    expect(parent.listeners()).toBe(0);
  });

  it('an already aborted parent gives an aborted signal', () => {
    const parent = new AbortController();
    parent.abort('stopped');
    expect(createLinkedSignal(parent.signal, 1_000).signal.reason).toBe('stopped');
  });

  it('needs neither AbortSignal.any nor AbortSignal.timeout (missing in edge runtimes)', () => {
    vi.useFakeTimers();
    const any = Object.getOwnPropertyDescriptor(AbortSignal, 'any');
    const timeout = Object.getOwnPropertyDescriptor(AbortSignal, 'timeout');
    Reflect.deleteProperty(AbortSignal, 'any');
    Reflect.deleteProperty(AbortSignal, 'timeout');
    try {
      const parent = new AbortController();
      const linked = createLinkedSignal(parent.signal, 100);
      vi.advanceTimersByTime(100);
      expect(linked.signal.reason).toMatchObject({ name: 'TimeoutError' });
    } finally {
      if (any !== undefined) Object.defineProperty(AbortSignal, 'any', any);
      if (timeout !== undefined) Object.defineProperty(AbortSignal, 'timeout', timeout);
    }
    expect(typeof AbortSignal.any).toBe('function');
  });
});
