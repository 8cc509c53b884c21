import { isLiterLlmError, type ErrorKind } from '../../src/index.js';
import { GatewayHttpError } from './gateway-http-error.js';

/** An error as the gateway answers it: status, OpenAI error JSON, and headers such as `retry-after`. */
export interface HttpErrorAnswer {
  readonly status: number;
  readonly type: string;
  readonly code: string | null;
  readonly message: string;
  readonly headers: Readonly<Record<string, string>>;
}

const BY_KIND: Record<ErrorKind, { status: number; type: string; code: string | null }> = {
  // The gateway's own provider credentials were refused or are missing: not the client's key.
  Authentication: { status: 502, type: 'upstream_error', code: 'upstream_authentication_failed' },
  RateLimited: { status: 429, type: 'rate_limit_error', code: 'rate_limit_exceeded' },
  BadRequest: { status: 400, type: 'invalid_request_error', code: null },
  ContextWindowExceeded: { status: 400, type: 'invalid_request_error', code: 'context_length_exceeded' },
  ContentPolicy: { status: 400, type: 'invalid_request_error', code: 'content_policy_violation' },
  NotFound: { status: 404, type: 'invalid_request_error', code: 'not_found' },
  ServerError: { status: 500, type: 'api_error', code: null },
  ServiceUnavailable: { status: 503, type: 'api_error', code: 'service_unavailable' },
  Timeout: { status: 504, type: 'api_error', code: 'timeout' },
  Network: { status: 502, type: 'upstream_error', code: 'upstream_unreachable' },
  Stream: { status: 502, type: 'upstream_error', code: 'upstream_stream_error' },
  InvalidResponse: { status: 502, type: 'upstream_error', code: 'upstream_invalid_response' },
  EndpointNotSupported: { status: 400, type: 'invalid_request_error', code: 'endpoint_not_supported' },
  Configuration: { status: 500, type: 'api_error', code: 'gateway_configuration' },
  BudgetExceeded: { status: 429, type: 'budget_exceeded', code: 'budget_exceeded' },
  StoreUnavailable: { status: 503, type: 'api_error', code: 'store_unavailable' },
  HookRejected: { status: 400, type: 'invalid_request_error', code: 'rejected' },
  // nginx's "client closed request": nobody reads it, but logs and metrics do.
  Aborted: { status: 499, type: 'api_error', code: 'client_closed_request' },
};

/**
 * How the gateway answers an error. SDK errors keep the upstream status where there is one (a 500
 * stays 500, a 529 stays 529), except that an upstream 401/403 becomes 502: it refused the
 * gateway's key, and a client must not take it for a problem with its own. A 429 carries
 * `retry-after` in whole seconds. Anything else is a 500 that says nothing of its cause.
 */
export function toOpenAiError(error: unknown): HttpErrorAnswer {
  if (error instanceof GatewayHttpError) {
    return { status: error.status, type: error.type, code: error.code, message: error.message, headers: error.headers };
  }
  if (isLiterLlmError(error)) {
    const mapped = BY_KIND[error.kind];
    const upstream = error.status;
    const status = error.kind === 'Authentication' || upstream === undefined || upstream < 400 ? mapped.status : upstream;
    const headers: Record<string, string> = {};
    if (status === 429 && error.retryAfterMs !== undefined) headers['retry-after'] = String(Math.max(1, Math.ceil(error.retryAfterMs / 1000)));
    return { status, type: mapped.type, code: mapped.code, message: error.message, headers };
  }
  return { status: 500, type: 'api_error', code: null, message: 'internal gateway error', headers: {} };
}

/** OpenAI's error JSON. */
export function openAiErrorBody(answer: HttpErrorAnswer): { error: { message: string; type: string; code: string | null; param: null } } {
  return { error: { message: answer.message, type: answer.type, code: answer.code, param: null } };
}
