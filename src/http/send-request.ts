import ky from 'ky';

/** One HTTP exchange, already fully described: URL, headers and body are final. */
export interface HttpRequest {
  readonly url: string;
  readonly method: 'GET' | 'POST' | 'DELETE';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string | undefined;
  readonly signal: AbortSignal;
  readonly fetch?: typeof fetch | undefined;
}

/**
 * The only module that talks to ky, so the transport can change in one file. ky's own retry,
 * timeout and status handling are off: retries and the deadline are ours (send-with-retry.ts), and
 * ky's default 10 s timeout would also cut long SSE streams.
 */
export function sendRequest(request: HttpRequest): Promise<Response> {
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
