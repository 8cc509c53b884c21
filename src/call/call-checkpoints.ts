import type { WireRequest } from '../dialects/dialect.js';
import type { CallContext } from './call-context.js';

/**
 * Points of one call that only the core sees, where a layer outside it must act: the budget
 * reserves against the request as it goes on the wire, and settles a stream its consumer dropped.
 * A layer adds its own to a copy for the calls it passes on (`withCheckpoints`); contexts of
 * fallbacks and router deployments are spread copies, so they carry them.
 */
export interface CallCheckpoints {
  /**
   * Run in order on each wire request after it is built (`extra_body` merged, quirks applied) and
   * before it is sent, with the context of the route it goes to; a rejection stops the send.
   */
  readonly beforeSend: ReadonlyArray<(wire: WireRequest, context: CallContext) => void | Promise<void>>;
  /**
   * Run when a stream's idle timer fires: its request is cancelled, and a consumer that stopped
   * pulling without `return()` would never end the stream, so nothing else would settle it.
   */
  readonly onStreamIdle: ReadonlyArray<() => void>;
}

/** The context with `added` after the checkpoints it already carries. */
export function withCheckpoints(context: CallContext, added: Partial<CallCheckpoints>): CallContext {
  const current = context.checkpoints;
  return {
    ...context,
    checkpoints: {
      beforeSend: [...(current?.beforeSend ?? []), ...(added.beforeSend ?? [])],
      onStreamIdle: [...(current?.onStreamIdle ?? []), ...(added.onStreamIdle ?? [])],
    },
  };
}

/** What a stream reader calls when its idle timer fires; undefined when no layer asked. */
export function streamIdleCheckpoint(context: CallContext): (() => void) | undefined {
  const listeners = context.checkpoints?.onStreamIdle;
  if (listeners === undefined || listeners.length === 0) return undefined;
  return () => {
    for (const listener of listeners) {
      // It runs in a timer: a throw would be an uncaught exception, and the stream is over anyway.
      try {
        listener();
      } catch {
        // The listener's own bookkeeping failed; the others still run.
      }
    }
  };
}
