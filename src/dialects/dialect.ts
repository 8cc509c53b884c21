import type {
  ChatCompletionChunk,
  ChatCompletionRequest,
  ChatCompletionResponse,
  EmbeddingRequest,
  EmbeddingResponse,
  ModelsListResponse,
} from '../../generated/types/index.js';
import type { LiterLlmError } from '../errors/liter-llm-error.js';
import type { DialectName, EndpointName } from '../provider-definition.js';
import type { ProviderOverride } from '../routing/resolved-provider.js';
import type { ResolvedRoute } from '../routing/resolved-route.js';
import type { FileUpload } from '../transport/file-upload.js';
import type { SseEvent } from '../transport/parse-sse-events.js';

/** How a response is read: parsed JSON, text (JSON or plain), a binary body or server-sent events (both streamed). */
export type WireResponseKind = 'json' | 'text' | 'binary' | 'sse';

/** The `file` part of a multipart body. */
export interface MultipartFile {
  readonly value: FileUpload;
  /** Name sent with the part; else the `File`'s own name, else `file`. */
  readonly filename: string | undefined;
}

/**
 * A request in the provider's wire format, ready to send: what every dialect and wire shape
 * builds and the sender sends (the provider adds its base URL, auth and headers).
 */
export interface WireRequest {
  /** The registry endpoint it goes to (informational: the served-endpoint check reads the operation table). */
  readonly endpoint?: EndpointName;
  readonly method: 'GET' | 'POST' | 'DELETE';
  /** Endpoint path template (may hold a query); the provider fills `{model}` and URL variables. */
  readonly path: string;
  /** Query parameters appended to the path; undefined values are left out. */
  readonly query?: Readonly<Record<string, string | number | boolean | undefined>>;
  /** A JSON body. */
  readonly body?: Record<string, unknown> | undefined;
  /** A multipart/form-data body instead: text fields, then the `file` part. */
  readonly multipart?: { readonly fields: readonly (readonly [string, string])[]; readonly file: MultipartFile };
  /** The file itself as the body instead (Deepgram's and AssemblyAI's audio), sent with `contentType`. */
  readonly upload?: { readonly value: FileUpload; readonly contentType: string };
  /** How the response is read (default `json`). */
  readonly response?: WireResponseKind;
  /** Extra headers this request needs (e.g. a beta header for a feature in use). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Request parameters the conversion changed or dropped, reported in `callInfo().warnings`. */
  readonly warnings: readonly string[];
}

/** What one stream event means for the OpenAI-shaped stream. */
export type StreamEventResult =
  | { readonly type: 'chunks'; readonly chunks: readonly ChatCompletionChunk[] }
  | { readonly type: 'done'; readonly chunks?: readonly ChatCompletionChunk[] }
  | { readonly type: 'ignore' };

/** A request as it will go on the wire, for authorizers that sign it. */
export interface OutgoingRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string | undefined;
}

/**
 * Credentials that need work per request (SigV4 signatures, OAuth tokens exchanged and cached).
 * Built once per client and provider; state such as a cached token lives in its closure.
 */
export interface Authorizer {
  /** Headers to add to this attempt (called for every attempt, after the body is final). */
  headers(request: OutgoingRequest): Promise<Record<string, string>>;
  /** After a 401: drop cached credentials; true when a fresh attempt may succeed (done once). */
  invalidate?(): boolean;
  /**
   * The stable identity of the credentials behind every request (an access key id and session
   * token, a token or its source), never a per-request signature: the cache hashes it so that
   * two tenants never share entries. Plain data; it holds secrets, so it is only ever hashed.
   */
  identity?(): Promise<unknown>;
}

export interface AuthorizerInput {
  readonly providerId: string;
  readonly override: ProviderOverride | undefined;
  /** The key resolved from options and the registry's env var, when there is one. */
  readonly apiKey: string | undefined;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly fetch: typeof fetch | undefined;
}

/**
 * One wire format, as small pure functions: OpenAI-shaped request in, wire request out; wire
 * response (or stream event) in, OpenAI-shaped result out. Errors thrown are LiterLlmErrors.
 * Optional members fall back to OpenAI behaviour; a missing endpoint pair means the dialect does
 * not serve that endpoint.
 */
export interface Dialect {
  readonly name: DialectName;
  convertChatRequest(request: ChatCompletionRequest, route: ResolvedRoute, stream: boolean): WireRequest;
  convertChatResponse(body: unknown, route: ResolvedRoute): ChatCompletionResponse;
  /** Returns a converter with per-stream state (tool-call indexes, accumulated usage). */
  createChatStreamConverter(route: ResolvedRoute): (event: SseEvent) => StreamEventResult;
  convertEmbeddingRequest?(request: EmbeddingRequest, route: ResolvedRoute): WireRequest;
  convertEmbeddingResponse?(body: unknown, route: ResolvedRoute): EmbeddingResponse;
  convertListModelsRequest?(route: ResolvedRoute): WireRequest;
  convertListModelsResponse?(body: unknown, route: ResolvedRoute): ModelsListResponse;
  /** Frames of a streamed response as events (default: server-sent events). */
  decodeStream?(body: ReadableStream<Uint8Array>): AsyncIterable<SseEvent>;
  /**
   * The error for a non-2xx response, when the provider's body needs reading its own way: the
   * dialect's error table through the shared builder (shared/build-dialect-error.ts); undefined
   * falls back to the shared status mapping.
   */
  convertErrorResponse?(status: number, body: unknown, route: ResolvedRoute, headers?: Headers): LiterLlmError | undefined;
  /** Per-request credentials (signing, token exchange); absent means static headers suffice. */
  createAuthorizer?(input: AuthorizerInput): Authorizer | undefined;
}
