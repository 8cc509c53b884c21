import { LiterLlmError, type LiterLlmErrorOptions } from './liter-llm-error.js';

// One class per kind, deliberately regular: the class name is the kind plus `Error` unless the kind
// already ends in it. `retryable` defaults per kind and can be overridden by the mapper.

/** 401/403 or a missing API key. */
export class AuthenticationError extends LiterLlmError {
  readonly kind = 'Authentication' as const;
  override readonly name = 'AuthenticationError';
}

/** 429, or a client-side rate limit. */
export class RateLimitedError extends LiterLlmError {
  readonly kind = 'RateLimited' as const;
  override readonly name = 'RateLimitedError';
  static override readonly retryableByDefault = true;
}

/** A 400-class error the caller must fix. */
export class BadRequestError extends LiterLlmError {
  readonly kind = 'BadRequest' as const;
  override readonly name = 'BadRequestError';
}

/** The prompt does not fit the model context window. */
export class ContextWindowExceededError extends LiterLlmError {
  readonly kind = 'ContextWindowExceeded' as const;
  override readonly name = 'ContextWindowExceededError';
}

/** The provider refused the content. */
export class ContentPolicyError extends LiterLlmError {
  readonly kind = 'ContentPolicy' as const;
  override readonly name = 'ContentPolicyError';
}

/** 404: unknown model, file or route. */
export class NotFoundError extends LiterLlmError {
  readonly kind = 'NotFound' as const;
  override readonly name = 'NotFoundError';
}

/** 500 from the provider. */
export class ServerError extends LiterLlmError {
  readonly kind = 'ServerError' as const;
  override readonly name = 'ServerError';
  static override readonly retryableByDefault = true;
}

/** 502/503/504, or a deployment in cooldown or unhealthy. */
export class ServiceUnavailableError extends LiterLlmError {
  readonly kind = 'ServiceUnavailable' as const;
  override readonly name = 'ServiceUnavailableError';
  static override readonly retryableByDefault = true;
}

/** 408 or a client-side deadline. */
export class TimeoutError extends LiterLlmError {
  readonly kind = 'Timeout' as const;
  override readonly name = 'TimeoutError';
  static override readonly retryableByDefault = true;
}

/** The connection failed before a response arrived. */
export class NetworkError extends LiterLlmError {
  readonly kind = 'Network' as const;
  override readonly name = 'NetworkError';
  static override readonly retryableByDefault = true;
}

/** A malformed or truncated stream; carries the partial content. */
export class StreamError extends LiterLlmError {
  readonly kind = 'Stream' as const;
  override readonly name = 'StreamError';
  /** The text of the first choice received before the stream broke, at most 1 MiB (1,048,576 characters). */
  readonly partialContent: string;
  /** True when more text arrived than `partialContent` keeps: it holds the first 1 MiB only. */
  readonly partialContentTruncated: boolean;

  constructor(message: string, options: LiterLlmErrorOptions & { partialContent?: string; partialContentTruncated?: boolean } = {}) {
    super(message, options);
    this.partialContent = options.partialContent ?? '';
    this.partialContentTruncated = options.partialContentTruncated ?? false;
  }
}

/** A 2xx body that does not fit the expected shape. */
export class InvalidResponseError extends LiterLlmError {
  readonly kind = 'InvalidResponse' as const;
  override readonly name = 'InvalidResponseError';
}

/** The provider does not serve this endpoint, or its dialect is not implemented. */
export class EndpointNotSupportedError extends LiterLlmError {
  readonly kind = 'EndpointNotSupported' as const;
  override readonly name = 'EndpointNotSupportedError';
}

/** Invalid options or registry entries, unknown providers, missing URL variables. */
export class ConfigurationError extends LiterLlmError {
  readonly kind = 'Configuration' as const;
  override readonly name = 'ConfigurationError';
}

/** A spending budget would be exceeded. */
export class BudgetExceededError extends LiterLlmError {
  readonly kind = 'BudgetExceeded' as const;
  override readonly name = 'BudgetExceededError';
}

/**
 * A store of the cache, rate limit, cooldown or budget layer failed or did not answer in time, and
 * that layer fails closed (`onStoreError: 'closed'`, the default of a hard budget): nothing was sent.
 * The store's own error, if any, is the cause.
 */
export class StoreUnavailableError extends LiterLlmError {
  readonly kind = 'StoreUnavailable' as const;
  override readonly name = 'StoreUnavailableError';
  static override readonly retryableByDefault = true;
}

/** An onRequest hook threw; its error is the cause. */
export class HookRejectedError extends LiterLlmError {
  readonly kind = 'HookRejected' as const;
  override readonly name = 'HookRejectedError';
}

/** The caller aborted the call. */
export class AbortedError extends LiterLlmError {
  readonly kind = 'Aborted' as const;
  override readonly name = 'AbortedError';
}
