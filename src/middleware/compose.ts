import type { CallContext, Next } from '../call/call-context.js';

/**
 * A middleware wraps the rest of the chain. It may call `next` more than once (retry, fallback)
 * and may pass a changed context (another route for a fallback).
 */
export type Middleware = (context: CallContext, next: Next) => Promise<unknown>;

/**
 * Composes middleware once per client; the first in the list is the outermost. An empty list is
 * the core handler itself, so an unconfigured client pays nothing for the mechanism.
 */
export function compose(middleware: readonly Middleware[], core: Next): Next {
  let next = core;
  for (let index = middleware.length - 1; index >= 0; index -= 1) {
    const layer = middleware[index] as Middleware;
    const inner = next;
    next = (context) => layer(context, inner);
  }
  return next;
}
