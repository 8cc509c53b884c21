import type { CallInfoRecord } from '../../call/call-info.js';
import type { Middleware } from '../compose.js';
import type { CallContext } from '../../call/call-context.js';
import { observeCall, type CallOutcome } from '../observe-call.js';
import { STREAM_OPERATIONS } from '../../call/operation.js';
import { createResponseRecorder, type ResponseRecorder } from './create-response-recorder.js';
import { mapGenAiOperationName } from './map-gen-ai-operation-name.js';
import { normalizeTracingOptions, type TracingOptions } from './normalize-tracing-options.js';
import { readRequestAttributes } from './read-request-attributes.js';
import { SPAN_KIND_CLIENT, SPAN_STATUS_ERROR, type TracingSpan, type TracingTracer } from './tracing-types.js';

/**
 * One OpenTelemetry span per call, after the GenAI semantic conventions: named
 * `{gen_ai.operation.name} {gen_ai.request.model}`, kind CLIENT, with the provider, request and
 * response model, request parameters, token usage, finish reasons, response id, `error.type` (the
 * error kind) on failure, and `liter_llm.cost_usd` when cost tracking runs inside it. A stream's
 * span ends when the stream ends, fails or is abandoned (`break`). Never records message content,
 * keys, headers or error messages (which may echo a provider body).
 *
 * @example
 * import { trace } from '@opentelemetry/api';
 * const client = createClient({ middleware: [createTracingMiddleware({ tracer: trace.getTracer('my-app') })] });
 */
export function createTracingMiddleware(options: TracingOptions): Middleware {
  const { tracer } = normalizeTracingOptions(options);

  return function tracing(context, next) {
    let span: TracingSpan;
    try {
      span = startSpan(tracer, context);
    } catch (error) {
      return Promise.reject(error);
    }
    const recorder = createResponseRecorder();
    return observeCall(() => next(context), STREAM_OPERATIONS.has(context.operation), {
      onItem: (item) => recorder.observe(item),
      onEnd: (outcome) => {
        if (outcome.status === 'returned') recorder.observe(outcome.result);
        finishSpan(span, context.info, recorder, outcome);
      },
    });
  };
}

function startSpan(tracer: TracingTracer, context: CallContext): TracingSpan {
  const operationName = mapGenAiOperationName(context.operation);
  const requestModel = context.route.model;
  return tracer.startSpan(requestModel === '' ? operationName : `${operationName} ${requestModel}`, {
    kind: SPAN_KIND_CLIENT,
    attributes: {
      'gen_ai.operation.name': operationName,
      'gen_ai.provider.name': context.route.provider.id,
      ...(requestModel === '' ? {} : { 'gen_ai.request.model': requestModel }),
      ...readRequestAttributes(context.request),
    },
  });
}

function finishSpan(span: TracingSpan, info: CallInfoRecord, recorder: ResponseRecorder, outcome: CallOutcome): void {
  span.setAttribute('gen_ai.provider.name', info.provider);
  const responseModel = recorder.model ?? (info.model === '' ? undefined : info.model);
  if (responseModel !== undefined) span.setAttribute('gen_ai.response.model', responseModel);
  if (recorder.id !== undefined) span.setAttribute('gen_ai.response.id', recorder.id);
  if (recorder.finishReasons.length > 0) span.setAttribute('gen_ai.response.finish_reasons', recorder.finishReasons);
  const usage = info.usage;
  if (typeof usage?.prompt_tokens === 'number') span.setAttribute('gen_ai.usage.input_tokens', usage.prompt_tokens);
  if (typeof usage?.completion_tokens === 'number') span.setAttribute('gen_ai.usage.output_tokens', usage.completion_tokens);
  if (typeof info.costUsd === 'number') span.setAttribute('liter_llm.cost_usd', info.costUsd);
  span.setAttribute('liter_llm.cache', info.cache);
  span.setAttribute('liter_llm.attempts', info.attempts);
  if (info.fallbacks.length > 0) span.setAttribute('liter_llm.fallbacks', [...info.fallbacks]);
  if (outcome.status === 'abandoned') span.setAttribute('liter_llm.stream.abandoned', true);
  if (outcome.status === 'failed' || outcome.status === 'rejected') {
    const errorType = describeErrorType(outcome.error);
    span.setAttribute('error.type', errorType);
    span.setStatus({ code: SPAN_STATUS_ERROR, message: errorType });
  }
  span.end();
}

/** The error kind (`RateLimited`, `Timeout`, ...) or class name; never the message. */
function describeErrorType(error: unknown): string {
  const kind = (error as { kind?: unknown } | null)?.kind;
  if (typeof kind === 'string' && kind !== '') return kind;
  if (error instanceof Error && error.name !== '') return error.name;
  return '_OTHER';
}
