import type { LiterLlmError } from '../../errors/liter-llm-error.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { buildDialectError, type DialectErrorTable } from '../shared/build-dialect-error.js';

export interface BedrockErrorDetails {
  /** The AWS error type (`ThrottlingException`, `validationException`, ...), when known. */
  readonly type: string | undefined;
  readonly status: number | undefined;
  readonly message: string;
  readonly body: unknown;
  /** Where it came from, for the error message: `HTTP 429` or `stream`. */
  readonly origin: string;
}

const CONTEXT_WINDOW =
  /too long|too many (?:input )?tokens|context[ _-]?(?:window|length|limit)|maximum context|exceeds? the (?:model'?s? )?(?:maximum|max)/i;
const CONTENT_POLICY = /content[ _-]?(?:filter|policy)|blocked by (?:our|the) content|guardrail/i;

/**
 * Bedrock's errors: the AWS error types Bedrock runtime documents, lower-cased (stream exceptions
 * start lower-case), then the HTTP status. A validation failure (or a 4xx without a known type)
 * whose message speaks of input length is a context-window error; one that speaks of content
 * filtering is a content-policy error. ModelNotReadyException shares 429 with throttling. What
 * no rule decides follows the shared status mapping.
 */
export const BEDROCK_ERRORS = {
  rules: [
    { types: ['validationexception'], message: CONTEXT_WINDOW, kind: 'ContextWindowExceeded' },
    { types: ['validationexception'], message: CONTENT_POLICY, kind: 'ContentPolicy' },
    { types: ['validationexception'], kind: 'BadRequest' },
    {
      types: [
        'accessdeniedexception',
        'unrecognizedclientexception',
        'invalidsignatureexception',
        'incompletesignatureexception',
        'expiredtokenexception',
        'missingauthenticationtokenexception',
      ],
      kind: 'Authentication',
    },
    { types: ['throttlingexception', 'servicequotaexceededexception'], kind: 'RateLimited' },
    { types: ['modelnotreadyexception', 'serviceunavailableexception'], kind: 'ServiceUnavailable' },
    { types: ['resourcenotfoundexception'], kind: 'NotFound' },
    { types: ['modeltimeoutexception'], kind: 'Timeout' },
    { types: ['modelerrorexception', 'modelstreamerrorexception', 'internalserverexception'], kind: 'ServerError' },
    // No known type: the status decides, with Bedrock's own readings first.
    { statuses: [403], kind: 'Authentication' },
    { statuses: [429], message: /not ready/i, kind: 'ServiceUnavailable' },
    { statuses: [429], kind: 'RateLimited' },
    { statuses: 'client', message: CONTEXT_WINDOW, kind: 'ContextWindowExceeded' },
    { statuses: 'client', message: CONTENT_POLICY, kind: 'ContentPolicy' },
    { statuses: [424], kind: 'ServerError' },
  ],
  otherwise: 'status',
} satisfies DialectErrorTable;

/** The error for a Bedrock failure, an HTTP response or a stream exception. */
export function createBedrockError(details: BedrockErrorDetails, route: ResolvedRoute): LiterLlmError {
  const label = details.type === undefined ? '' : ` ${details.type}`;
  const text = `${route.provider.id}: ${details.origin}${label}${details.message === '' ? '' : `: ${details.message}`}`;
  return buildDialectError(
    BEDROCK_ERRORS,
    { status: details.status, types: [details.type?.toLowerCase()], message: details.message, text, body: details.body },
    { provider: route.provider.id, model: route.model },
  );
}
