import type { SendResult } from '../transport/send-with-retry.js';
import type { CallContext } from '../call/call-context.js';
import type { EndpointName } from '../provider-definition.js';
import type { ResolvedProvider } from '../routing/resolved-provider.js';
import type { ResolvedRoute } from '../routing/resolved-route.js';
import type { FileUpload } from './file-upload.js';

/** How a response is read: parsed JSON, text (JSON or plain), a binary body or server-sent events (both streamed). */
export type EndpointResponseKind = 'json' | 'text' | 'binary' | 'sse';

/** The `file` part of a multipart body. */
export interface MultipartFile {
  readonly value: FileUpload;
  /** Name sent with the part; else the `File`'s own name, else `file`. */
  readonly filename: string | undefined;
}

export type EndpointBody =
  | { readonly kind: 'json'; readonly value: Readonly<Record<string, unknown>> }
  | {
      readonly kind: 'multipart';
      readonly fields: readonly (readonly [string, string])[];
      readonly file: MultipartFile;
    };

/** One wire request of an endpoint, before the provider adds its base URL, auth and headers. */
export interface EndpointRequest {
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Path template appended to the base URL; may contain `{model}` and URL variables. */
  readonly path: string;
  /** Query parameters; undefined values are left out. */
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  readonly body?: EndpointBody;
  readonly response: EndpointResponseKind;
  readonly headers?: Readonly<Record<string, string>>;
  /** Request parameters the conversion changed or dropped, reported in `callInfo().warnings`. */
  readonly warnings?: readonly string[];
}

/**
 * One wire format of an endpoint, as two small functions: the OpenAI-shaped request to a wire
 * request, and the sent response to the OpenAI-shaped result (validated with the generated
 * validator; a stream or binary body is returned unread).
 */
export interface EndpointShape<Request = unknown> {
  buildRequest(request: Request, route: ResolvedRoute): EndpointRequest;
  /** `startedAt`: when the call started sending, for time-to-first-chunk. */
  readResponse(sent: SendResult, context: CallContext, startedAt: number): unknown;
}

/**
 * Everything the core needs to run one client method that is not chat or embeddings: the registry
 * endpoint it needs, OpenAI's wire format (gateways, and providers of the `openai` and `azure`
 * dialects), and the native formats it knows for other providers.
 */
export interface EndpointOperation<Request = unknown> {
  readonly endpoint: EndpointName;
  readonly openAi: EndpointShape<Request>;
  /**
   * A native wire format for this provider (its registry `dialect` or id), or undefined to fall
   * back to OpenAI's. May throw `EndpointNotSupportedError` with a reason of its own.
   */
  resolveNative?(provider: ResolvedProvider): EndpointShape<Request> | undefined;
}
