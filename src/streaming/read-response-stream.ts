import { convertResponseUsage } from '../dialects/openai/endpoints/convert-response-usage.js';
import type { ResponseStreamEvent } from '../../generated/types/index.js';
import { validateResponseStreamEvent } from '../../generated/validators/response-stream-event.js';
import type { CallInfoRecord } from '../call/call-info.js';
import { createPayloadError } from '../errors/create-http-error.js';
import { StreamError } from '../errors/error-classes.js';
import type { SendResult } from '../transport/send-with-retry.js';
import { createPartialText, type PartialText } from './create-partial-text.js';
import { createStreamGuard, type PartialContent } from './create-stream-guard.js';
import { MAX_SSE_EVENT_SIZE, parseSseEvents } from '../transport/parse-sse-events.js';
import { TERMINAL_RESPONSE_EVENTS } from './response-stream.js';
import { parseStreamEventData } from './parse-stream-event-data.js';

export interface ReadResponseStreamInput {
  readonly sent: SendResult;
  readonly info: CallInfoRecord;
  /** Longest silence between two reads before the stream is abandoned. */
  readonly idleTimeoutMs: number;
  /** The stream's total deadline from `startedAt`; undefined: none. */
  readonly streamTimeoutMs?: number | undefined;
  readonly startedAt: number;
  /** Called when the idle timer fired (see `StreamGuardInput.onIdle`). */
  readonly onIdle?: (() => void) | undefined;
  /** The call's signal: aborting it mid-stream throws `AbortedError`. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Events of an open Responses API stream. Ends cleanly after a terminal event
 * (`response.completed`, `response.incomplete`, `response.failed`) or `[DONE]`; any other end
 * throws `StreamError` with the text received so far. An `error` event throws its typed error.
 * Stopping early cancels the HTTP request.
 */
export async function* readResponseStream(input: ReadResponseStreamInput): AsyncGenerator<ResponseStreamEvent> {
  const { sent, info } = input;
  const context = { provider: info.provider, model: info.model };
  const body = sent.response.body;
  const text = createPartialText();
  let ended = false;
  const guard = createStreamGuard(input, 'the call was aborted');

  if (body === null) throw new StreamError(`${info.provider}: the stream response has no body`, context);
  guard.arm();
  try {
    // A keep-alive comment counts as a read for the idle timer.
    for await (const event of parseSseEvents(body, MAX_SSE_EVENT_SIZE, guard.arm)) {
      guard.arm();
      const data = event.data.trim();
      if (data === '') continue;
      if (data === '[DONE]') {
        ended = true;
        break;
      }
      const payload = parseEvent(data, info);
      if (event.event === 'error' || payload.type === 'error')
        throw createPayloadError(toErrorBody(payload), { ...context, secrets: [] });
      const problem = validateResponseStreamEvent(payload);
      if (problem !== undefined) {
        throw new StreamError(`${info.provider}: stream event does not fit ResponseStreamEvent: ${problem}`, {
          ...context,
          body: payload,
        });
      }
      const typed = payload as ResponseStreamEvent;
      info.firstChunkMs ??= Date.now() - input.startedAt;
      if (typed.type === 'response.output_text.delta' && typeof typed.delta === 'string') text.add(0, typed.delta);
      const usage = typed.response?.usage;
      if (usage) info.usage = convertResponseUsage(usage);
      yield typed;
      if (TERMINAL_RESPONSE_EVENTS.has(typed.type)) {
        ended = true;
        break;
      }
    }
  } catch (error) {
    throw guard.fail(error, `${info.provider}: the response stream broke after ${text.received} characters`, partialOf(text));
  } finally {
    // Ends the request if the consumer stopped early, or after the terminal event with the body still open.
    guard.close();
  }
  if (!ended) {
    throw new StreamError(
      `${info.provider}: the response stream ended before response.completed after ${text.received} characters; the answer is truncated`,
      { ...context, ...partialOf(text) },
    );
  }
}

function parseEvent(data: string, info: CallInfoRecord): Record<string, unknown> {
  const payload = parseStreamEventData(data, info);
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new StreamError(`${info.provider}: stream event is not a JSON object: ${data.slice(0, 200)}`, {
      provider: info.provider,
      model: info.model,
    });
  }
  return payload as Record<string, unknown>;
}

/** `{ type: "error", code, message }` (Responses API) or `{ error: {...} }` (gateways) as an error body. */
function toErrorBody(payload: Record<string, unknown>): { error: unknown } {
  if (payload.error !== undefined && payload.error !== null) return { error: payload.error };
  const { type: _type, sequence_number: _sequence, ...fields } = payload;
  return { error: fields };
}

/** The output text, as `StreamError.partialContent` carries it. */
function partialOf(text: PartialText): PartialContent {
  return { partialContent: text.content(0), partialContentTruncated: text.truncated(0) };
}
