import type { Context } from 'hono';
import { GatewayHttpError } from './gateway-http-error.js';

/**
 * The request body as a JSON object, or a 400 naming what is wrong with it. A `GatewayHttpError`
 * raised while the body is read (the body limit's 413) goes through as it is.
 */
export async function readJsonObject(c: Context): Promise<Record<string, unknown>> {
  let body: unknown;
  try {
    body = await c.req.json();
  } catch (error) {
    if (error instanceof GatewayHttpError) throw error;
    throw new GatewayHttpError(400, 'invalid_request_error', 'invalid_json', 'the request body is not valid JSON');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new GatewayHttpError(400, 'invalid_request_error', 'invalid_body', 'the request body must be a JSON object');
  return body as Record<string, unknown>;
}
