import type { Sender } from '../transport/create-sender.js';
import { loadDialectByName } from '../dialects/load-dialect.js';
import type { HttpBody } from '../transport/send-request.js';
import type { CallContext } from '../call/call-context.js';
import { createMultipartBody } from './create-multipart-body.js';
import type { EndpointBody, EndpointOperation, EndpointResponseKind } from './endpoint-operation.js';
import { resolveEndpointShape } from './resolve-endpoint-shape.js';

const ACCEPT: Readonly<Record<EndpointResponseKind, string>> = {
  json: 'application/json',
  text: 'application/json, text/plain;q=0.9, */*;q=0.8',
  binary: '*/*',
  sse: 'text/event-stream',
};

const MODE: Readonly<Record<EndpointResponseKind, 'json' | 'text' | 'stream'>> = {
  json: 'json',
  text: 'text',
  binary: 'stream',
  sse: 'stream',
};

/**
 * Runs one endpoint operation: picks the provider's wire format, builds and sends its request,
 * and reads the response into the OpenAI-shaped result. Nothing is sent when the provider cannot
 * serve the operation or lacks credentials.
 */
export async function runEndpointOperation(
  operation: EndpointOperation,
  context: CallContext,
  send: Sender,
): Promise<unknown> {
  const { route } = context;
  const shape = resolveEndpointShape(operation, route.provider);
  if (route.provider.unavailable !== undefined) throw route.provider.unavailable();
  const wire = shape.buildRequest(context.request, route);
  const { body, contentType } = encodeBody(wire.body);
  const dialect = route.provider.gateway ? undefined : await loadDialectByName(route.provider.definition.dialect);
  const startedAt = Date.now();
  const sent = await send(
    context,
    {
      endpoint: operation.endpoint,
      method: wire.method,
      path: appendQuery(wire.path, wire.query),
      headers: wire.headers ?? {},
      body,
      contentType,
      accept: ACCEPT[wire.response],
      warnings: wire.warnings ?? [],
      mapError:
        dialect?.convertErrorResponse === undefined
          ? undefined
          : (status, errorBody) => dialect.convertErrorResponse?.(status, errorBody, route),
    },
    MODE[wire.response],
  );
  return shape.readResponse(sent, context, startedAt);
}

function encodeBody(body: EndpointBody | undefined): { body: HttpBody | undefined; contentType: string | undefined } {
  if (body === undefined) return { body: undefined, contentType: undefined };
  if (body.kind === 'json') return { body: JSON.stringify(body.value), contentType: 'application/json' };
  return createMultipartBody(body.fields, body.file);
}

/** Query parameters appended to a path template (which may already hold a query); undefined values left out. */
function appendQuery(
  path: string,
  query: Readonly<Record<string, string | number | boolean | undefined>> | undefined,
): string {
  if (query === undefined) return path;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) if (value !== undefined) params.append(name, String(value));
  const text = params.toString();
  if (text === '') return path;
  return `${path}${path.includes('?') ? '&' : '?'}${text}`;
}
