import { ConfigurationError } from '../../errors/error-classes.js';
import type { TracingTracer } from './tracing-types.js';

export interface TracingOptions {
  /** An OpenTelemetry API `Tracer`, e.g. `trace.getTracer('my-app')`. */
  readonly tracer: TracingTracer;
}

/** Checks the options once; tracing has no default tracer, since liter-llm does not depend on OpenTelemetry. */
export function normalizeTracingOptions(options: TracingOptions): TracingOptions {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ConfigurationError('tracing must be { tracer }, with an OpenTelemetry Tracer (trace.getTracer(name))');
  }
  if (options.tracer === null || typeof options.tracer !== 'object' || typeof options.tracer.startSpan !== 'function') {
    throw new ConfigurationError('tracing.tracer must be an OpenTelemetry Tracer (an object with startSpan)');
  }
  return { tracer: options.tracer };
}
