import type { MockHandler } from '../support/mock-server.js';
import type { WireReply } from './adapter-cases.js';

/** A mock handler answering with a documented wire reply: JSON objects as JSON, text or bytes as a stream. */
export function wireReplyHandler(reply: WireReply): MockHandler {
  return (_request, response) => {
    const isJson = !(typeof reply.body === 'string' || reply.body instanceof Uint8Array);
    response.writeHead(reply.status ?? 200, { 'content-type': isJson ? 'application/json' : 'text/event-stream', ...reply.headers });
    response.end(isJson ? JSON.stringify(reply.body) : (reply.body as string | Uint8Array));
  };
}
