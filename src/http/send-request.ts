import ky from 'ky';

/** A request body: JSON text, a replayable multipart form, or a one-shot byte stream. */
export type HttpBody = string | FormData | ReadableStream<Uint8Array>;

/** One HTTP exchange, already fully described: URL, headers and body are final. */
export interface HttpRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: HttpBody | undefined;
  readonly signal: AbortSignal;
  readonly fetch?: typeof fetch | undefined;
}

/**
 * The only module that talks to ky, so the transport can change in one file. ky's own retry,
 * timeout and status handling are off: retries and the deadline are ours (send-with-retry.ts), and
 * ky's default 10 s timeout would also cut long SSE streams.
 *
 * A streamed body goes to fetch directly: ky clones every request to replay it on retry, and the
 * clone of a stream is a tee whose unread branch would hold the whole upload in memory.
 */
export function sendRequest(request: HttpRequest): Promise<Response> {
  if (request.body instanceof ReadableStream) {
    const send = request.fetch ?? globalThis.fetch;
    return send(request.url, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: request.signal,
      duplex: 'half',
    } as RequestInit);
  }
  return ky(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
    signal: request.signal,
    retry: 0,
    timeout: false,
    throwHttpErrors: false,
    ...(request.fetch === undefined ? {} : { fetch: request.fetch }),
  });
}
