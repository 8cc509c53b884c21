/**
 * A `text/event-stream` response of `events`, each written as soon as it arrives. When the client
 * goes away the stream is cancelled, which calls `return()` on the source iterator (the SDK then
 * cancels the upstream request). `first` is the event already taken from the iterator (the gateway
 * waits for it, so that an upstream failure before any output is a proper error status).
 */
export function sseResponse(
  iterator: AsyncIterator<string>,
  first: string,
  headers: Readonly<Record<string, string>> = {},
): Response {
  const encoder = new TextEncoder();
  let sentFirst = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!sentFirst) {
        sentFirst = true;
        controller.enqueue(encoder.encode(first));
        return;
      }
      try {
        const step = await iterator.next();
        if (step.done === true) controller.close();
        else controller.enqueue(encoder.encode(step.value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await iterator.return?.();
    },
  });
  return new Response(body, {
    status: 200,
    headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', 'x-accel-buffering': 'no', ...headers },
  });
}
