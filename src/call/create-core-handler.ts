import type { Next } from './call-context.js';
import { resolveWireShape } from '../dialects/resolve-wire-shape.js';
import { createSender, type SenderInput } from '../transport/create-sender.js';
import { BadRequestError } from '../errors/error-classes.js';
import { isLiterLlmError } from '../errors/liter-llm-error.js';
import type { WireShape } from '../dialects/wire-shape.js';
import type { CallContext } from './call-context.js';
import type { ResolvedRoute } from '../routing/resolved-route.js';

export type CoreHandlerInput = SenderInput;

/**
 * The innermost handler. Every operation runs the same way: its wire shape from the provider's
 * dialect (`resolveWireShape`, which also refuses what the provider does not serve), one wire
 * request, one HTTP exchange with retries, and the response read back into the OpenAI shape.
 * Nothing is sent when the provider cannot serve the operation or lacks credentials.
 */
export function createCoreHandler(input: CoreHandlerInput): Next {
  const send = createSender(input);
  return async (context) => {
    const { route, info } = context;
    info.provider = route.provider.id;
    info.model = route.model;
    const resolved = resolveWireShape(context.operation, route.provider);
    const { shape, dialect } = resolved instanceof Promise ? await resolved : resolved;
    if (route.provider.unavailable !== undefined) throw route.provider.unavailable();
    const startedAt = Date.now();
    const wire = buildWireRequest(shape, context, route);
    const sent = await send(context, wire, dialect);
    return shape.readResponse(sent, context, startedAt);
  };
}

/**
 * The wire request, or a `BadRequestError` when a dialect's conversion trips over the request (a
 * shape its schema check let through, or a hook's rewrite): the caller sees a typed error naming
 * the provider, never the converter's raw `TypeError`. Nothing has been sent.
 */
function buildWireRequest(shape: WireShape, context: CallContext, route: ResolvedRoute): ReturnType<WireShape['buildRequest']> {
  try {
    return shape.buildRequest(context.request, route);
  } catch (error) {
    if (isLiterLlmError(error)) throw error;
    throw new BadRequestError(`${context.operation}(request): ${route.provider.id} cannot convert this request: ${(error as Error).message}`, {
      provider: route.provider.id,
      cause: error,
    });
  }
}
