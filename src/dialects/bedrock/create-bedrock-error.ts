import {
  AuthenticationError,
  BadRequestError,
  ContentPolicyError,
  ContextWindowExceededError,
  NotFoundError,
  RateLimitedError,
  ServerError,
  ServiceUnavailableError,
  TimeoutError,
} from '../../errors/error-classes.js';
import type { LiterLlmError, LiterLlmErrorOptions } from '../../errors/liter-llm-error.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';

export interface BedrockErrorDetails {
  /** The AWS error type (`ThrottlingException`, `validationException`, ...), when known. */
  readonly type: string | undefined;
  readonly status: number | undefined;
  readonly message: string;
  readonly body: unknown;
  /** Where it came from, for the error message: `HTTP 429` or `stream`. */
  readonly origin: string;
}

type ErrorClass = new (message: string, options?: LiterLlmErrorOptions) => LiterLlmError;

/** AWS error types Bedrock runtime documents, lower-cased (stream exceptions start lower-case). */
const CLASS_BY_TYPE: Readonly<Record<string, ErrorClass>> = {
  accessdeniedexception: AuthenticationError,
  unrecognizedclientexception: AuthenticationError,
  invalidsignatureexception: AuthenticationError,
  incompletesignatureexception: AuthenticationError,
  expiredtokenexception: AuthenticationError,
  missingauthenticationtokenexception: AuthenticationError,
  throttlingexception: RateLimitedError,
  servicequotaexceededexception: RateLimitedError,
  modelnotreadyexception: ServiceUnavailableError,
  serviceunavailableexception: ServiceUnavailableError,
  resourcenotfoundexception: NotFoundError,
  modeltimeoutexception: TimeoutError,
  modelerrorexception: ServerError,
  modelstreamerrorexception: ServerError,
  internalserverexception: ServerError,
  validationexception: BadRequestError,
};

const CONTEXT_WINDOW =
  /too long|too many (?:input )?tokens|context[ _-]?(?:window|length|limit)|maximum context|exceeds? the (?:model'?s? )?(?:maximum|max)/i;
const CONTENT_POLICY = /content[ _-]?(?:filter|policy)|blocked by (?:our|the) content|guardrail/i;

/**
 * The error for a Bedrock failure, from its AWS error type when there is one, else from the HTTP
 * status. A validation failure whose message speaks of input length is a context-window error;
 * one that speaks of content filtering is a content-policy error.
 */
export function createBedrockError(details: BedrockErrorDetails, route: ResolvedRoute): LiterLlmError {
  const type = details.type?.toLowerCase();
  const status = details.status;
  const label = details.type === undefined ? '' : ` ${details.type}`;
  const message = `${route.provider.id}: ${details.origin}${label}${details.message === '' ? '' : `: ${details.message}`}`;
  const options: LiterLlmErrorOptions = { status, provider: route.provider.id, model: route.model, body: details.body };
  const byType = type === undefined ? undefined : CLASS_BY_TYPE[type];
  const clientFault = status !== undefined && status >= 400 && status < 500 && status !== 403 && status !== 429;
  if (byType === BadRequestError || (byType === undefined && clientFault)) {
    if (CONTEXT_WINDOW.test(details.message)) return new ContextWindowExceededError(message, options);
    if (CONTENT_POLICY.test(details.message)) return new ContentPolicyError(message, options);
  }
  if (byType !== undefined) return new byType(message, options);
  if (status === 401 || status === 403) return new AuthenticationError(message, options);
  if (status === 404) return new NotFoundError(message, options);
  if (status === 408) return new TimeoutError(message, options);
  if (status === 429) {
    // ModelNotReadyException shares 429 with throttling; the model is still loading.
    return /not ready/i.test(details.message) ? new ServiceUnavailableError(message, options) : new RateLimitedError(message, options);
  }
  if (status === 424) return new ServerError(message, options);
  if (status === 502 || status === 503 || status === 504) return new ServiceUnavailableError(message, options);
  if (status !== undefined && status >= 500) return new ServerError(message, options);
  return new BadRequestError(message, { ...options, retryable: status === 409 });
}
