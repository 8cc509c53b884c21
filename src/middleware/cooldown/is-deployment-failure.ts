import { isLiterLlmError, type ErrorKind } from '../../errors/liter-llm-error.js';

/** Failures that say something about the deployment; `Stream` is a stream cut or garbled mid-way. */
const DEPLOYMENT_FAILURES = new Set<ErrorKind>(['RateLimited', 'ServerError', 'ServiceUnavailable', 'Timeout', 'Network', 'Stream']);

/**
 * Whether an error counts towards a deployment's cooldown: 429, 500, 502-504, timeouts, network
 * failures and broken streams do. Client-caused errors (bad request, authentication, not found,
 * context window, content policy), aborts and configuration errors never do, and neither does a
 * `RateLimitedError` without an HTTP status: that is this client's own rate limiter, which already
 * knows when there is room again.
 */
export function isDeploymentFailure(error: unknown): boolean {
  if (!isLiterLlmError(error) || !DEPLOYMENT_FAILURES.has(error.kind)) return false;
  return error.kind !== 'RateLimited' || error.status !== undefined;
}
