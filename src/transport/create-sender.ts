import { BadRequestError, ConfigurationError, ServiceUnavailableError } from '../errors/error-classes.js';
import { isLiterLlmError, type LiterLlmError } from '../errors/liter-llm-error.js';
import type { HttpBody } from './send-request.js';
import { sendWithRetry, type SendResult } from './send-with-retry.js';
import type { CallContext } from '../call/call-context.js';
import { CREATING_OPERATIONS } from '../call/operation.js';
import { noteAttemptBudgetSpent } from '../errors/note-attempt-budget-spent.js';
import type { Dialect, WireRequest, WireResponseKind } from '../dialects/dialect.js';
import { appendQuery } from '../dialects/shared/append-query.js';
import { memoizeImport } from '../loading/memoize-import.js';
import { convertUploadToBlob } from './convert-upload-to-blob.js';
import { findUnsendableHeader } from './find-unsendable-header.js';
import type { SecretRegistry } from '../client/create-secret-registry.js';

export interface SenderInput {
  readonly fetch: typeof fetch | undefined;
  /** Every known credential, scrubbed from errors; credentials an authorizer sends join it. */
  readonly secrets: SecretRegistry;
}

/** How each kind of response is asked for and read. */
const ACCEPT: Readonly<Record<WireResponseKind, string>> = {
  json: 'application/json',
  text: 'application/json, text/plain;q=0.9, */*;q=0.8',
  binary: '*/*',
  sse: 'text/event-stream',
};

const MODE: Readonly<Record<WireResponseKind, 'json' | 'text' | 'stream'>> = {
  json: 'json',
  text: 'text',
  binary: 'stream',
  sse: 'stream',
};

/**
 * Sends a dialect's wire request; error bodies are read by `dialect.convertErrorResponse` (with
 * the response headers) when the dialect has one, else by the shared status mapping.
 */
export type Sender = (context: CallContext, wire: WireRequest, dialect: Dialect | undefined) => Promise<SendResult>;

/**
 * Sends one operation's request with the call's options (retries, deadline, signal), the
 * provider's URL, headers and credentials. After a 401, credentials an authorizer caches (an
 * OAuth token) are refreshed once and the request is sent again, unless its body was a stream.
 */
export function createSender(input: SenderInput): Sender {
  const sendOnce = (
    context: CallContext,
    wire: WireRequest,
    body: EncodedBody,
    mapError: MapError | undefined,
  ): Promise<SendResult> => {
    const { route, options, info } = context;
    const kind = wire.response ?? 'json';
    // buildHeaders returns a fresh object: the request's own headers go straight into it.
    const headers = Object.assign(route.provider.buildHeaders(options.headers), wire.headers);
    headers.accept ??= ACCEPT[kind];
    if (body.contentType !== undefined) headers['content-type'] ??= body.contentType;
    const url = route.provider.buildUrl(appendQuery(wire.path, wire.query), route.model);
    const authorizer = route.provider.authorizer;
    return sendWithRetry({
      url,
      method: wire.method,
      headers,
      body: body.body,
      fetch: input.fetch,
      maxRetries: options.maxRetries,
      maxResponseBytes: options.maxResponseBytes,
      timeoutMs: options.timeoutMs,
      // The call's own deadline and budget: a fallback or another deployment does not restart them.
      deadlineAt: options.deadlineAt,
      maxAttempts: options.maxAttempts,
      attemptsSpent: () => info.attempts,
      onlyRetryUnsent: CREATING_OPERATIONS.has(context.operation),
      signal: options.signal,
      mode: MODE[kind],
      provider: route.provider.id,
      model: route.model,
      secrets: input.secrets.values,
      onAttempt: () => {
        info.attempts += 1;
      },
      authorize:
        authorizer === undefined
          ? undefined
          : async (request) => {
              const added = await authorizer.headers(request);
              input.secrets.addHeaders(added);
              return added;
            },
      mapError,
      findUnsendable: () => findUnsendable(url, headers, route.provider.id),
    });
  };

  return async (context, wire, dialect) => {
    const { route, info, options } = context;
    if (info.attempts >= options.maxAttempts) {
      // A layer sending the call once more (custom middleware) after the budget is spent.
      throw new ServiceUnavailableError(`no request sent: the call's maxAttempts (${options.maxAttempts}) are spent`, {
        provider: route.provider.id,
        model: route.model,
        retryable: false,
      });
    }
    const encoded = encodeBody(wire, route.provider.id);
    const body = encoded instanceof Promise ? await encoded : encoded;
    const mapError: MapError | undefined =
      dialect?.convertErrorResponse === undefined
        ? undefined
        : (status, errorBody, headers) => dialect.convertErrorResponse?.(status, errorBody, route, headers);
    info.warnings.push(...wire.warnings);
    try {
      return await sendOnce(context, wire, body, mapError);
    } catch (error) {
      const authorizer = route.provider.authorizer;
      const replayable = !(body.body instanceof ReadableStream);
      if (replayable && isLiterLlmError(error) && error.status === 401 && authorizer?.invalidate?.() === true) {
        if (info.attempts >= options.maxAttempts) throw noteAttemptBudgetSpent(error, options.maxAttempts);
        return sendOnce(context, wire, body, mapError);
      }
      throw error;
    }
  };
}

type MapError = (status: number, body: unknown, headers: Headers) => LiterLlmError | undefined;

interface EncodedBody {
  readonly body: HttpBody | undefined;
  /** Set unless the body sets its own (a FormData gets its boundary from fetch). */
  readonly contentType: string | undefined;
}

/** The multipart encoder, loaded by the first upload: a chat-only app never parses it. */
const loadMultipartEncoder = memoizeImport(async () => (await import('./create-multipart-body.js')).createMultipartBody, 'the multipart encoder');

function encodeBody(wire: WireRequest, provider: string): EncodedBody | Promise<EncodedBody> {
  const { multipart } = wire;
  if (multipart !== undefined) return loadMultipartEncoder().then((encode) => encode(multipart.fields, multipart.file));
  const { upload } = wire;
  if (upload !== undefined) {
    const { value, contentType } = upload;
    return { body: value instanceof ReadableStream ? value : convertUploadToBlob(value, contentType), contentType };
  }
  if (wire.body === undefined) return { body: undefined, contentType: undefined };
  let text: string;
  try {
    text = JSON.stringify(wire.body);
  } catch (error) {
    // A BigInt or a circular value: the caller's request, so not retryable and not the deployment's fault.
    throw new BadRequestError(`the request body cannot be sent as JSON: ${(error as Error).message}`, { provider });
  }
  return { body: text, contentType: 'application/json' };
}

/**
 * Why fetch refused to send a request, asked when fetch threw before any response: its
 * `TypeError` is indistinguishable from a dropped connection, which would be retried and would
 * cool a healthy deployment, while a bad header or URL is the caller's and no retry can fix it.
 */
function findUnsendable(url: string, headers: Readonly<Record<string, string>>, provider: string): ConfigurationError | undefined {
  const header = findUnsendableHeader(headers);
  if (header !== undefined) {
    return new ConfigurationError(
      `${provider}: header "${header}" cannot be sent (a header name is a token; a value is Latin-1 text without line breaks)`,
      { provider },
    );
  }
  if (!URL.canParse(url)) return new ConfigurationError(`${provider}: the request URL is not a valid URL`, { provider });
  return undefined;
}
