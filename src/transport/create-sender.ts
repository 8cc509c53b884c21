import { isLiterLlmError, type LiterLlmError } from '../errors/liter-llm-error.js';
import { EndpointNotSupportedError } from '../errors/error-classes.js';
import type { HttpBody } from './send-request.js';
import { sendWithRetry, type SendResult } from './send-with-retry.js';
import type { CallContext } from '../call/call-context.js';
import type { EndpointName } from '../provider-definition.js';
import type { SecretRegistry } from '../client/create-secret-registry.js';

export interface SenderInput {
  readonly fetch: typeof fetch | undefined;
  /** Every known credential, scrubbed from errors; credentials an authorizer sends join it. */
  readonly secrets: SecretRegistry;
}

/** A wire request of any operation, before the provider adds its base URL, auth and headers. */
export interface OutgoingCall {
  readonly endpoint: EndpointName;
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Path template (with any query), filled and appended to the base URL by the provider. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: HttpBody | undefined;
  /** Set unless the body sets its own (a FormData gets its boundary from fetch). */
  readonly contentType: string | undefined;
  readonly accept: string;
  readonly warnings: readonly string[];
  /** A provider's reading of an error body; undefined falls back to the shared status mapping. */
  readonly mapError?: ((status: number, body: unknown, headers: Headers) => LiterLlmError | undefined) | undefined;
}

export type Sender = (
  context: CallContext,
  call: OutgoingCall,
  mode: 'json' | 'text' | 'stream',
) => Promise<SendResult>;

/**
 * Sends one operation's request with the call's options (retries, deadline, signal), the
 * provider's URL, headers and credentials. After a 401, credentials an authorizer caches (an
 * OAuth token) are refreshed once and the request is sent again, unless its body was a stream.
 */
export function createSender(input: SenderInput): Sender {
  const sendOnce = (
    context: CallContext,
    call: OutgoingCall,
    mode: 'json' | 'text' | 'stream',
  ): Promise<SendResult> => {
    const { route, options, info } = context;
    // buildHeaders returns a fresh object: the call's own headers go straight into it.
    const headers = Object.assign(route.provider.buildHeaders(options.headers), call.headers);
    headers.accept ??= call.accept;
    if (call.contentType !== undefined) headers['content-type'] ??= call.contentType;
    const authorizer = route.provider.authorizer;
    return sendWithRetry({
      url: route.provider.buildUrl(call.path, route.model),
      method: call.method,
      headers,
      body: call.body,
      fetch: input.fetch,
      maxRetries: options.maxRetries,
      timeoutMs: options.timeoutMs,
      signal: options.signal,
      mode,
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
      mapError: call.mapError,
    });
  };

  return async (context, call, mode) => {
    const { route, info } = context;
    if (!route.provider.gateway && route.provider.definition.endpoints[call.endpoint] === undefined) {
      throw new EndpointNotSupportedError(`${route.provider.id} does not serve the ${call.endpoint} endpoint`, {
        provider: route.provider.id,
      });
    }
    info.warnings.push(...call.warnings);
    try {
      return await sendOnce(context, call, mode);
    } catch (error) {
      const authorizer = route.provider.authorizer;
      const replayable = !(call.body instanceof ReadableStream);
      if (replayable && isLiterLlmError(error) && error.status === 401 && authorizer?.invalidate?.() === true) {
        return sendOnce(context, call, mode);
      }
      throw error;
    }
  };
}
