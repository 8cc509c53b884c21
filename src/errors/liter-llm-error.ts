/** Every error kind this SDK throws. `kind` is stable; the class name is the kind plus `Error`. */
export type ErrorKind =
  | 'Authentication'
  | 'RateLimited'
  | 'BadRequest'
  | 'ContextWindowExceeded'
  | 'ContentPolicy'
  | 'NotFound'
  | 'ServerError'
  | 'ServiceUnavailable'
  | 'Timeout'
  | 'Network'
  | 'Stream'
  | 'InvalidResponse'
  | 'EndpointNotSupported'
  | 'Configuration'
  | 'BudgetExceeded'
  | 'StoreUnavailable'
  | 'HookRejected'
  | 'Aborted';

export interface LiterLlmErrorOptions {
  readonly status?: number | undefined;
  readonly provider?: string | undefined;
  readonly model?: string | undefined;
  readonly retryable?: boolean | undefined;
  readonly retryAfterMs?: number | undefined;
  /** The provider's response body as received (parsed JSON when it was JSON, else text). */
  readonly body?: unknown;
  readonly cause?: unknown;
}

/** Recognises our errors across duplicate copies of the package, where `instanceof` fails. */
const MARKER = Symbol.for('liter-llm.error');

export abstract class LiterLlmError extends Error {
  /** `retryable` when the thrower does not say: true for the kinds a retry may fix (5xx, 429, timeouts, network). */
  static readonly retryableByDefault: boolean = false;
  abstract readonly kind: ErrorKind;
  readonly status: number | undefined;
  readonly provider: string | undefined;
  readonly model: string | undefined;
  readonly retryable: boolean;
  readonly retryAfterMs: number | undefined;
  readonly body: unknown;

  constructor(message: string, options: LiterLlmErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.status = options.status;
    this.provider = options.provider;
    this.model = options.model;
    this.retryable = options.retryable ?? (new.target as typeof LiterLlmError).retryableByDefault;
    this.retryAfterMs = options.retryAfterMs;
    this.body = options.body;
    Object.defineProperty(this, MARKER, { value: true });
  }

  static isLiterLlmError(value: unknown): value is LiterLlmError {
    return typeof value === 'object' && value !== null && (value as Record<symbol, unknown>)[MARKER] === true;
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      status: this.status,
      provider: this.provider,
      model: this.model,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      body: this.body,
    };
  }
}

export function isLiterLlmError(value: unknown): value is LiterLlmError {
  return LiterLlmError.isLiterLlmError(value);
}
