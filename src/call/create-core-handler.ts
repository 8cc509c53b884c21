import type { CallContext, Next } from './call-context.js';
import { STREAM_OPERATIONS } from './operation.js';
import { resolveWireShape } from '../dialects/resolve-wire-shape.js';
import { redactError } from '../errors/redact-error.js';
import { observeStream } from '../streaming/observe-stream.js';
import { createSender, type SenderInput } from '../transport/create-sender.js';
import { BadRequestError } from '../errors/error-classes.js';
import { isLiterLlmError } from '../errors/liter-llm-error.js';
import type { WireShape } from '../dialects/wire-shape.js';
import type { ResolvedRoute } from '../routing/resolved-route.js';

export type CoreHandlerInput = SenderInput;

/**
 * The innermost handler. Every operation runs the same way: its wire shape from the provider's
 * dialect (`resolveWireShape`, which also refuses what the provider does not serve), one wire
 * request, one HTTP exchange with retries, and the response read back into the OpenAI shape.
 * Nothing is sent when the provider cannot serve the operation or lacks credentials, or when a
 * layer's `beforeSend` checkpoint refuses the wire request.
 *
 * Its errors, and a stream's errors mid-way, leave it scrubbed of every known secret (the call's
 * header credentials included): hooks, custom middleware and tracers all sit outside it, and a
 * provider that echoes the key it rejected must not reach them.
 */
export function createCoreHandler(input: CoreHandlerInput): Next {
  const send = createSender(input);
  const scrub = (context: CallContext, error: unknown): unknown =>
    redactError(error, input.secrets.forCall(context.options.headers));
  return async (context) => {
    let result: unknown;
    try {
      const { route, info } = context;
      info.provider = route.provider.id;
      info.model = route.model;
      const resolved = resolveWireShape(context.operation, route.provider);
      const { shape, dialect } = resolved instanceof Promise ? await resolved : resolved;
      if (route.provider.unavailable !== undefined) throw route.provider.unavailable();
      const startedAt = Date.now();
      const wire = buildWireRequest(shape, context, route);
      const checks = context.checkpoints?.beforeSend;
      if (checks !== undefined) for (const check of checks) await check(wire, context);
      const sent = await send(context, wire, dialect);
      result = await shape.readResponse(sent, context, startedAt, (next) => send(context, next, dialect));
    } catch (error) {
      throw scrub(context, error);
    }
    if (!isStream(context, result)) return result;
    // `redactError` scrubs in place, so the error the stream throws next is already clean.
    return observeStream(result, {
      onEnd: (outcome) => {
        if (outcome.status === 'failed') scrub(context, outcome.error);
      },
    });
  };
}

function isStream(context: CallContext, result: unknown): result is AsyncIterable<unknown> {
  return (
    STREAM_OPERATIONS.has(context.operation) &&
    typeof (result as Partial<AsyncIterable<unknown>> | null)?.[Symbol.asyncIterator] === 'function'
  );
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
