/** A request body: JSON text, a replayable multipart form or raw bytes, or a one-shot byte stream. */
export type HttpBody = string | FormData | Blob | ReadableStream<Uint8Array>;

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
 * The only module that talks to the transport, so it can change in one file. Retries, the deadline
 * and status handling are ours (send-with-retry.ts), so this is one plain `fetch` call.
 *
 * It used to go through ky with ky's retry, timeout and status handling all off. That cost more
 * than the rest of a call: ky builds a `Request`, clones it for replay and chains its own abort
 * signals, and every `Request` and `AbortSignal` is expensive on Node 20. The bench measured a bare
 * chat call at 1.7x the CPU of raw fetch through ky and about 1.15x without it
 * (the README's Performance section), and importing ky alone took about 55 ms (its import-time feature checks
 * build a `Request` and load Node's fetch).
 *
 * A streamed body needs `duplex: 'half'` and is never cloned: it is consumed by its one attempt.
 */
export function sendRequest(request: HttpRequest): Promise<Response> {
  const send = request.fetch ?? globalThis.fetch;
  const init: RequestInit & { duplex?: 'half' } = {
    method: request.method,
    headers: request.headers,
    signal: request.signal,
  };
  if (request.body !== undefined) init.body = request.body;
  if (request.body instanceof ReadableStream) init.duplex = 'half';
  return send(request.url, init);
}
