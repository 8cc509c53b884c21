import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import * as undici from 'undici';
import { Agent, BalancedPool, Client, Dispatcher, FormData as UndiciFormData, Pool } from 'undici';

// The one Node-only module of the transport: undici and node:stream stay in this file, behind the
// plain `fetch` interface the client already takes.

/** Options of `createUndiciFetch`: a dispatcher you own, or the options of the `Agent` it creates. */
export interface UndiciFetchOptions extends Agent.Options {
  /**
   * A dispatcher you own (an `Agent`, `ProxyAgent`, `RetryAgent`, a composed dispatcher, or a
   * single-origin `Pool`/`Client`/`BalancedPool` together with `origin`). You close it yourself;
   * `close()` of the returned fetch leaves it open. Cannot be combined with `Agent` options.
   */
  dispatcher?: Dispatcher;
  /**
   * The origin a single-origin dispatcher serves (`https://api.openai.com`). A `Pool` sends every
   * request to its own origin whatever the URL says, so URLs of any other origin are refused.
   */
  origin?: string | URL;
}

/** A `fetch` for `createClient({ fetch })`, with the dispatcher behind it and a way to close it. */
export type UndiciFetch = typeof fetch & {
  /** The dispatcher every request goes through. */
  readonly dispatcher: Dispatcher;
  /**
   * Closes the `Agent` that `createUndiciFetch` created (in-flight requests finish first). A
   * dispatcher you passed in is yours: this leaves it open.
   */
  close(): Promise<void>;
};

type BodyInput = RequestInit['body'] | ReadableStream<Uint8Array>;
type UndiciBody = string | Uint8Array | Readable | UndiciFormData | Blob | null;

// Methods fetch upper-cases; any other method keeps its spelling, as with fetch.
const NORMALIZED_METHODS = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);
// Dispatchers bound to one origin (H2CClient and MockPool are subclasses). RoundRobinPool is recent
// in undici 7: read from the namespace, as a named import would fail to link on an older 7.x.
const SINGLE_ORIGIN_CLASSES = [Pool, Client, BalancedPool, (undici as Partial<typeof undici>).RoundRobinPool].filter(
  (type) => type !== undefined,
);
// Statuses whose Response must have a null body (the constructor throws otherwise).
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * A `fetch` over undici's fast `dispatcher.request` API, for the client's `fetch` option. It skips
 * WHATWG `Request` construction and its signal plumbing on the send side, and reuses keep-alive
 * connections of one `Agent` (or the dispatcher you pass). Behaves as fetch where the client looks:
 * a network failure rejects with `TypeError('fetch failed', { cause })`, an abort rejects with the
 * signal's reason (a `DOMException` named `AbortError` unless the caller gave another reason), and
 * the response body streams and, when cancelled, destroys the undici body and frees the socket.
 *
 * Unlike fetch it does not follow redirects and does not ask for or decode compressed responses;
 * compose `interceptors.redirect()` / `interceptors.decompress()` onto a dispatcher you pass if you
 * need them.
 *
 * The default is one `Agent` of its own (keep-alive connections to any origin), which `close()`
 * closes; `{ connections, keepAliveTimeout, … }` configure it. A dispatcher you pass stays yours.
 *
 * @example
 * import { createClient } from 'liter-llm';
 * import { createUndiciFetch } from 'liter-llm/undici';
 *
 * const client = createClient({ fetch: createUndiciFetch() });
 *
 * @example
 * // A bounded pool per origin, closed on shutdown.
 * const transport = createUndiciFetch({ connections: 16 });
 * const client = createClient({ fetch: transport });
 * process.once('SIGTERM', () => void transport.close());
 */
export function createUndiciFetch(dispatcherOrOptions?: Dispatcher | UndiciFetchOptions): UndiciFetch {
  const { dispatcher, owned, origin } = resolveDispatcher(dispatcherOrOptions);
  const send = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> =>
    sendThroughDispatcher(dispatcher, origin, input, init);
  return Object.assign(send, {
    dispatcher,
    close: (): Promise<void> => (owned === undefined || owned.closed ? Promise.resolve() : owned.close()),
  }) as UndiciFetch;
}

function resolveDispatcher(input: Dispatcher | UndiciFetchOptions | undefined): {
  dispatcher: Dispatcher;
  /** The Agent created here, which `close()` closes. */
  owned: Agent | undefined;
  origin: string | undefined;
} {
  if (input === undefined) {
    const agent = new Agent();
    return { dispatcher: agent, owned: agent, origin: undefined };
  }
  if (isDispatcher(input)) return { dispatcher: input, owned: undefined, origin: singleOrigin(input, undefined) };
  const { dispatcher, origin, ...agentOptions } = input;
  if (dispatcher === undefined) {
    if (origin !== undefined) throw new TypeError('createUndiciFetch: `origin` only applies to a `dispatcher` you pass');
    const agent = new Agent(agentOptions);
    return { dispatcher: agent, owned: agent, origin: undefined };
  }
  if (Object.keys(agentOptions).length > 0) {
    throw new TypeError(
      `createUndiciFetch: Agent options (${Object.keys(agentOptions).join(', ')}) cannot be combined with a dispatcher you pass; configure that dispatcher instead`,
    );
  }
  return { dispatcher, owned: undefined, origin: singleOrigin(dispatcher, origin) };
}

function isDispatcher(value: Dispatcher | UndiciFetchOptions): value is Dispatcher {
  // Duck-typed: a dispatcher from another copy of undici fails `instanceof` but works the same.
  return typeof (value as { dispatch?: unknown }).dispatch === 'function';
}

/** The origin a single-origin dispatcher serves; undefined for one that routes by origin. */
function singleOrigin(dispatcher: Dispatcher, origin: string | URL | undefined): string | undefined {
  if (origin !== undefined) return new URL(origin).origin;
  if (!SINGLE_ORIGIN_CLASSES.some((type) => dispatcher instanceof type)) return undefined;
  // undici has no public accessor for a Pool's origin, and it silently ignores the request's.
  throw new TypeError(
    `createUndiciFetch: a ${dispatcher.constructor.name} serves one origin and would send every URL there; pass { dispatcher, origin: 'https://…' }, or an Agent (or { connections }) to reach any origin`,
  );
}

async function sendThroughDispatcher(
  dispatcher: Dispatcher,
  pinnedOrigin: string | undefined,
  input: RequestInfo | URL,
  init: RequestInit | undefined,
): Promise<Response> {
  const request = input instanceof Request ? input : undefined;
  const url = new URL(request === undefined ? String(input) : request.url);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`undici fetch: only http: and https: URLs are supported, not ${url.protocol}`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new TypeError('undici fetch: a URL with credentials cannot be fetched; send them in a header');
  }
  if (pinnedOrigin !== undefined && url.origin !== pinnedOrigin) {
    throw new TypeError(`undici fetch: this dispatcher serves ${pinnedOrigin}, not ${url.origin}`);
  }
  const signal = init?.signal ?? request?.signal ?? undefined;
  signal?.throwIfAborted();

  const rawMethod = init?.method ?? request?.method ?? 'GET';
  const method = NORMALIZED_METHODS.has(rawMethod.toUpperCase()) ? rawMethod.toUpperCase() : rawMethod;
  const bodyInput: BodyInput = init?.body !== undefined ? init.body : (request?.body ?? null);
  if (bodyInput !== null && (method === 'GET' || method === 'HEAD')) {
    throw new TypeError(`undici fetch: a ${method} request cannot have a body`);
  }
  const { body, contentType, multipart } = convertBody(bodyInput);
  const headers = collectHeaders(init?.headers ?? request?.headers, contentType, multipart);

  let response: Dispatcher.ResponseData;
  try {
    response = await dispatcher.request({
      origin: url.origin,
      path: url.pathname + url.search,
      method: method as Dispatcher.HttpMethod,
      headers,
      // undici sends a Blob as it is, but its body type does not list it.
      body: body as Dispatcher.DispatchOptions['body'],
      signal: signal ?? null,
    });
  } catch (error) {
    if (body instanceof Readable) body.destroy();
    throw fetchError(error, signal);
  }
  return convertResponse(response, url, method, signal);
}

function convertBody(input: BodyInput): { body: UndiciBody; contentType: string | undefined; multipart: boolean } {
  if (input === null || input === undefined) return { body: null, contentType: undefined, multipart: false };
  if (typeof input === 'string') return { body: input, contentType: 'text/plain;charset=UTF-8', multipart: false };
  if (input instanceof Uint8Array) return { body: input, contentType: undefined, multipart: false };
  if (input instanceof ArrayBuffer) return { body: new Uint8Array(input), contentType: undefined, multipart: false };
  if (ArrayBuffer.isView(input)) {
    return { body: new Uint8Array(input.buffer, input.byteOffset, input.byteLength), contentType: undefined, multipart: false };
  }
  if (input instanceof URLSearchParams) {
    return { body: input.toString(), contentType: 'application/x-www-form-urlencoded;charset=UTF-8', multipart: false };
  }
  // undici writes a FormData with a fresh boundary, its content type and length, but only its own
  // FormData class: Node's global one (another undici version) fails inside undici's encoder.
  if (input instanceof FormData) return { body: copyFormData(input), contentType: undefined, multipart: true };
  // undici sends a Blob with its type as content type when the caller set none.
  if (input instanceof Blob) return { body: input, contentType: undefined, multipart: false };
  if (input instanceof ReadableStream) {
    if (input.locked) throw new TypeError('undici fetch: the ReadableStream body is locked or already read');
    return { body: Readable.fromWeb(input as NodeReadableStream<Uint8Array>), contentType: undefined, multipart: false };
  }
  const name = (input as object).constructor?.name ?? typeof input;
  throw new TypeError(
    `undici fetch: unsupported request body type ${name}; use a string, Uint8Array, ArrayBuffer, Blob, FormData, URLSearchParams or ReadableStream`,
  );
}

/** The entries of a FormData in undici's own class; blobs are shared, not copied. */
function copyFormData(form: FormData): UndiciFormData {
  const copy = new UndiciFormData();
  for (const [name, value] of form) {
    if (typeof value === 'string') copy.append(name, value);
    else copy.append(name, value, value.name);
  }
  return copy;
}

/**
 * A flat `[name, value, …]` list, which undici takes without copying. A default content type is
 * added only when the caller set none; for a FormData the caller's is dropped, because only
 * undici knows the boundary it writes and a second or foreign boundary breaks the upload.
 */
function collectHeaders(source: HeadersInit | undefined, defaultContentType: string | undefined, multipart: boolean): string[] {
  const headers: string[] = [];
  let hasContentType = false;
  const add = (name: string, value: string): void => {
    if (name.toLowerCase() === 'content-type') {
      if (multipart) return;
      hasContentType = true;
    }
    headers.push(name, value);
  };
  if (source instanceof Headers) source.forEach((value, name) => add(name, value));
  else if (Array.isArray(source)) for (const [name, value] of source) add(String(name), String(value));
  else if (source !== undefined) for (const [name, value] of Object.entries(source)) add(name, String(value));
  if (!hasContentType && defaultContentType !== undefined) headers.push('content-type', defaultContentType);
  return headers;
}

function convertResponse(response: Dispatcher.ResponseData, url: URL, method: string, signal: AbortSignal | undefined): Response {
  const { body, statusCode } = response;
  // Destroying an unfinished undici body emits 'error' (RequestAbortedError) even on a deliberate
  // cancel; without a listener that would be an uncaught exception. Readers still see the error.
  body.on('error', ignore);
  try {
    const headers = new Headers();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value === undefined) continue;
      if (Array.isArray(value)) for (const item of value) headers.append(name, item);
      else headers.append(name, value);
    }
    const empty = method === 'HEAD' || NULL_BODY_STATUSES.has(statusCode);
    if (empty) body.resume();
    const result = new Response(empty ? null : toWebStream(body, signal), {
      status: statusCode,
      statusText: response.statusText,
      headers,
    });
    // Consumers read `response.url` in messages and logs; the constructor cannot set it.
    Object.defineProperty(result, 'url', { value: url.href });
    return result;
  } catch (error) {
    body.destroy();
    throw new TypeError('fetch failed', { cause: error });
  }
}

/**
 * The undici body as a pull-driven web stream: nothing is read ahead of the consumer beyond one
 * chunk, and cancelling it destroys the undici body, which aborts the request and frees the socket.
 */
function toWebStream(body: Readable, signal: AbortSignal | undefined): ReadableStream<Uint8Array> {
  const chunks = body[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { done, value } = await chunks.next();
        if (done) controller.close();
        else controller.enqueue(new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
      } catch (error) {
        // As fetch: an abort errors the body with the signal's reason, a broken connection with 'terminated'.
        controller.error(signal?.aborted ? signal.reason : new TypeError('terminated', { cause: error }));
      }
    },
    cancel() {
      body.destroy();
    },
  });
}

function fetchError(error: unknown, signal: AbortSignal | undefined): unknown {
  if (signal?.aborted) return signal.reason;
  return new TypeError('fetch failed', { cause: error });
}

function ignore(): void {}
