import type { CallContext } from '../../call/call-context.js';
import { createUnresolvedRoute } from '../router/create-unresolved-route.js';

/**
 * The context of a fallback attempt: the same call with `request.model` set to the fallback
 * model and the route the client takes for it. A model the client cannot route by itself (a
 * router alias) gets a placeholder route: the router middleware, inside this one, replaces it by
 * one of the alias's deployments; without a router the core fails it with a `ConfigurationError`
 * and nothing is sent.
 *
 * @example
 * await next(createFallbackContext(context, 'anthropic/claude-sonnet-4-5'));
 */
export function createFallbackContext(context: CallContext, model: string): CallContext {
  let route;
  try {
    route = context.services.resolveRoute(model);
  } catch (error) {
    route = createUnresolvedRoute(model, error);
  }
  return { ...context, request: { ...(context.request as object), model }, route };
}
