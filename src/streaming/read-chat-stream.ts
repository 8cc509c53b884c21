import type { ChatCompletionChunk } from '../../generated/types/index.js';
import type { StreamEventResult } from '../dialects/dialect.js';
import { StreamError } from '../errors/error-classes.js';
import type { CallInfoRecord } from '../call/call-info.js';
import type { SendResult } from '../transport/send-with-retry.js';
import { createStreamGuard } from './create-stream-guard.js';
import { parseSseEvents, type SseEvent } from '../transport/parse-sse-events.js';

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
  readonly startedAt: number;
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
  const partial = new Map<number, string>();
  let sawDone = false;
  let sawFinish = false;
  const guard = createStreamGuard(input, `${info.provider}: the stream was aborted by the caller`);

  if (body === null) throw new StreamError(`${info.provider}: the stream response has no body`, context);
  guard.arm();
  try {
    for await (const event of (input.decode ?? parseSseEvents)(body)) {
      guard.arm();
      const result = input.convert(event);
      if (result.type === 'ignore') continue;
      for (const chunk of result.chunks ?? []) {
        info.firstChunkMs ??= Date.now() - input.startedAt;
        if (chunk.usage) info.usage = chunk.usage;
        for (const choice of chunk.choices) {
          if (typeof choice.delta?.content === 'string') {
            const index = choice.index ?? 0;
            partial.set(index, (partial.get(index) ?? '') + choice.delta.content);
          }
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
    throw guard.fail(error, `${info.provider}: the stream broke after ${partialLength(partial)} characters`, partial.get(0) ?? '');
  } finally {
    // Ends the request if the consumer stopped early, or after [DONE] with the body still open.
    guard.close();
  }
  if (!sawDone && !sawFinish) {
    throw new StreamError(
      `${info.provider}: the stream ended without [DONE] or a finish reason after ${partialLength(partial)} characters; the answer is truncated`,
      { ...context, partialContent: partial.get(0) ?? '' },
    );
  }
}

function partialLength(partial: Map<number, string>): number {
  let total = 0;
  for (const text of partial.values()) total += text.length;
  return total;
}
