import type { ChatCompletionChunk } from '../../generated/types/index.js';
import type { StreamEventResult } from '../dialects/dialect.js';
import { StreamError } from '../errors/error-classes.js';
import type { CallInfoRecord } from '../call/call-info.js';
import type { SendResult } from '../transport/send-with-retry.js';
import { createPartialText, type PartialText } from './create-partial-text.js';
import { createStreamGuard, type PartialContent } from './create-stream-guard.js';
import { MAX_SSE_EVENT_SIZE, parseSseEvents, type SseEvent } from '../transport/parse-sse-events.js';

export interface ReadChatStreamInput {
  readonly sent: SendResult;
  readonly convert: (event: SseEvent) => StreamEventResult;
  /** Frames of the body as events; server-sent events unless the dialect says otherwise. */
  readonly decode?: ((body: ReadableStream<Uint8Array>) => AsyncIterable<SseEvent>) | undefined;
  readonly info: CallInfoRecord;
  /** The call's signal: aborting it mid-stream is the caller's choice, not a broken stream. */
  readonly signal?: AbortSignal | undefined;
  /** Longest silence between two reads before the stream is abandoned. */
  readonly idleTimeoutMs: number;
  /** The stream's total deadline from `startedAt`; undefined: none. */
  readonly streamTimeoutMs?: number | undefined;
  readonly startedAt: number;
  /** Called when the idle timer fired (see `StreamGuardInput.onIdle`). */
  readonly onIdle?: (() => void) | undefined;
}

/**
 * Chunks of an open SSE response. Ends cleanly only on `[DONE]` or after a finish reason; any
 * other end throws `StreamError` with the content received so far, so a cut connection is never
 * mistaken for a complete answer. Stopping early cancels the HTTP request.
 */
export async function* readChatStream(input: ReadChatStreamInput): AsyncGenerator<ChatCompletionChunk> {
  const { sent, info } = input;
  const body = sent.response.body;
  const context = { provider: info.provider, model: info.model };
  const partial = createPartialText();
  let sawDone = false;
  let sawFinish = false;
  const guard = createStreamGuard(input, `${info.provider}: the stream was aborted by the caller`);

  if (body === null) throw new StreamError(`${info.provider}: the stream response has no body`, context);
  guard.arm();
  try {
    // A keep-alive comment counts as a read for the idle timer.
    const events = input.decode === undefined ? parseSseEvents(body, MAX_SSE_EVENT_SIZE, guard.arm) : input.decode(body);
    for await (const event of events) {
      guard.arm();
      const result = input.convert(event);
      if (result.type === 'ignore') continue;
      for (const chunk of result.chunks ?? []) {
        info.firstChunkMs ??= Date.now() - input.startedAt;
        if (chunk.usage) info.usage = chunk.usage;
        for (const choice of chunk.choices) {
          if (typeof choice.delta?.content === 'string') partial.add(choice.index ?? 0, choice.delta.content);
          if (choice.finish_reason !== null && choice.finish_reason !== undefined) sawFinish = true;
        }
        yield chunk;
      }
      if (result.type === 'done') {
        sawDone = true;
        break;
      }
    }
  } catch (error) {
    throw guard.fail(error, `${info.provider}: the stream broke after ${partial.received} characters`, partialOf(partial));
  } finally {
    // Ends the request if the consumer stopped early, or after [DONE] with the body still open.
    guard.close();
  }
  if (!sawDone && !sawFinish) {
    throw new StreamError(
      `${info.provider}: the stream ended without [DONE] or a finish reason after ${partial.received} characters; the answer is truncated`,
      { ...context, ...partialOf(partial) },
    );
  }
}

/** The first choice's text, as `StreamError.partialContent` carries it. */
function partialOf(partial: PartialText): PartialContent {
  return { partialContent: partial.content(0), partialContentTruncated: partial.truncated(0) };
}
