import { Readable } from 'node:stream';
import type { Pool } from 'undici';

/**
 * A `fetch` over an undici Pool, for the client's `fetch` option: the request goes out through
 * `pool.request` (no WHATWG Request on the wire side); the body comes back as a web stream.
 */
export function createUndiciFetch(pool: Pool): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : undefined;
    const url = new URL(request === undefined ? String(input) : request.url);
    const headers: Record<string, string> = {};
    const source = init?.headers ?? request?.headers;
    if (source !== undefined) new Headers(source).forEach((value, key) => (headers[key] = value));
    let body = init?.body ?? undefined;
    if (body === undefined && request !== undefined && request.body !== null) body = await request.text();
    const signal = init?.signal ?? request?.signal ?? undefined;
    const response = await pool.request({
      path: url.pathname + url.search,
      method: (init?.method ?? request?.method ?? 'GET') as 'POST',
      headers,
      body: body as string | undefined,
      ...(signal === undefined || signal === null ? {} : { signal }),
    });
    const responseHeaders = new Headers();
    for (const [key, value] of Object.entries(response.headers)) {
      if (value === undefined) continue;
      for (const item of Array.isArray(value) ? value : [value]) responseHeaders.append(key, item);
    }
    const stream = Readable.toWeb(response.body) as ReadableStream<Uint8Array>;
    return new Response(stream, { status: response.statusCode, headers: responseHeaders });
  }) as typeof fetch;
}
