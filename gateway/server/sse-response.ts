/** How the events of one stream are written, and what happens once it is over. */
export interface SseStreamOptions<T> {
  readonly format: (event: T) => string;
  /** The last event after a failure mid-stream: the status line is long gone by then. */
  readonly formatError: (error: unknown) => string;
  /** Written once after the last event of a stream that ended well (`data: [DONE]` for chat). */
  readonly last?: string;
  /** Called once, when the stream ended, failed or was cancelled, after `source.return()`; or when it failed before its first event. */
  readonly onEnd: () => void;
}

/**
 * A `text/event-stream` response of `source`, each event written as soon as it arrives. The first
 * event is awaited before the response exists, so that a failure before any output is thrown to
 * the caller (and answered with its status). When the client goes away the stream is cancelled,
 * which returns the source iterator (the SDK then cancels the upstream request).
 */
export async function sseResponse<T>(source: AsyncIterator<T>, options: SseStreamOptions<T>, headers: Readonly<Record<string, string>> = {}): Promise<Response> {
  let first: IteratorResult<T>;
  try {
    first = await source.next();
  } catch (error) {
    options.onEnd();
    throw error;
  }
  async function* events(): AsyncGenerator<string> {
    try {
      let step = first;
      while (step.done !== true) {
        yield options.format(step.value);
        step = await source.next();
      }
      if (options.last !== undefined) yield options.last;
    } catch (error) {
      yield options.formatError(error);
    } finally {
      await source.return?.();
      options.onEnd();
    }
  }
  const iterator = events();
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const step = await iterator.next();
        if (step.done === true) controller.close();
        else controller.enqueue(encoder.encode(step.value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return(undefined);
    },
  });
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no', ...headers },
  });
}
