import type { ResponseObject, ResponseStreamEvent } from '../../generated/types/index.js';
import { StreamError } from '../errors/error-classes.js';
import { CallStream } from '../call/call-stream.js';

/** Events that end a streamed response and carry the final `response`. */
export const TERMINAL_RESPONSE_EVENTS: ReadonlySet<string> = new Set([
  'response.completed',
  'response.incomplete',
  'response.failed',
]);

/**
 * The result of `responses.create({ ..., stream: true })`: the Responses API's server-sent events
 * (`response.created`, `response.output_text.delta`, ..., `response.completed`), consumed once,
 * with the same guarantees as a chat stream: the request starts on the first iteration, `break` or
 * the call's `signal` cancels it, an `error` event throws its typed error, and a stream that ends
 * before a terminal event throws `StreamError` with the text received so far.
 */
export class ResponseStream extends CallStream<ResponseStreamEvent> {
  /** Consumes the stream and returns the final response (of `response.completed`, `.incomplete` or `.failed`). */
  async finalResponse(): Promise<ResponseObject> {
    let final: ResponseObject | undefined;
    for await (const event of this) {
      if (TERMINAL_RESPONSE_EVENTS.has(event.type) && event.response !== undefined) final = event.response;
    }
    if (final === undefined) throw new StreamError('the response stream ended without a final response');
    return final;
  }
}
