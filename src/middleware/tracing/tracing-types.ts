/**
 * The slice of OpenTelemetry's API this layer uses, declared structurally so that liter-llm never
 * imports `@opentelemetry/api` at run time: an OpenTelemetry `Tracer` (`trace.getTracer('app')`)
 * fits `TracingTracer` as is.
 */
export type TracingAttributeValue = string | number | boolean | ReadonlyArray<string | number | boolean | null | undefined>;

export interface TracingSpan {
  setAttribute(key: string, value: TracingAttributeValue): unknown;
  setStatus(status: { code: number; message?: string }): unknown;
  end(endTime?: number): void;
}

export interface TracingSpanOptions {
  /** OpenTelemetry `SpanKind` (CLIENT = 2). */
  kind?: number;
  attributes?: Record<string, TracingAttributeValue | undefined>;
}

export interface TracingTracer {
  startSpan(name: string, options?: TracingSpanOptions): TracingSpan;
}

/** OpenTelemetry's numeric `SpanKind.CLIENT`. */
export const SPAN_KIND_CLIENT = 2;
/** OpenTelemetry's numeric `SpanStatusCode.ERROR`. */
export const SPAN_STATUS_ERROR = 2;
