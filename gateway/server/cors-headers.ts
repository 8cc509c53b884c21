import type { MiddlewareHandler } from 'hono';

/**
 * CORS for the origins on the allow-list only: an origin that is not on it gets no CORS header at
 * all (its browser then refuses to hand the answer to the page), and its preflight is a bare 204.
 */
export function corsHeaders(allowed: readonly string[]): MiddlewareHandler {
  const origins = new Set(allowed);
  return async (c, next) => {
    const origin = c.req.header('origin');
    const permitted = origin !== undefined && origins.has(origin);
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined) {
      if (!permitted) return c.body(null, 204);
      return c.body(null, 204, {
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'GET, POST, DELETE, OPTIONS',
        'access-control-allow-headers': c.req.header('access-control-request-headers') ?? 'authorization, content-type, x-api-key',
        'access-control-max-age': '600',
        vary: 'Origin',
      });
    }
    await next();
    if (permitted) {
      c.res.headers.set('access-control-allow-origin', origin);
      c.res.headers.append('vary', 'Origin');
    }
  };
}
