import type { Next } from './call-context.js';
import { resolveWireShape } from '../dialects/resolve-wire-shape.js';
import { createSender, type SenderInput } from '../transport/create-sender.js';

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
    const wire = shape.buildRequest(context.request, route);
    const sent = await send(context, wire, dialect);
    return shape.readResponse(sent, context, startedAt);
  };
}
