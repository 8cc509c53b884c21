import { MESSAGES, MODEL, type Contender } from './contender.js';

/** The floor: global fetch, JSON.parse, and a hand-written SSE split. */
export function createContender(origin: string): Contender {
  const headers = { 'content-type': 'application/json', authorization: 'Bearer bench-key', accept: 'application/json' };
  const streamHeaders = { ...headers, accept: 'text/event-stream' };
  const unaryBody = JSON.stringify({ model: MODEL, messages: MESSAGES });
  const streamBody = JSON.stringify({ model: MODEL, messages: MESSAGES, stream: true });
  const post = (mode: string, stream: boolean, signal?: AbortSignal): Promise<Response> =>
    fetch(`${origin}/${mode}/v1/chat/completions`, {
      method: 'POST',
      headers: stream ? streamHeaders : headers,
      body: stream ? streamBody : unaryBody,
      ...(signal === undefined ? {} : { signal }),
    });
  return {
    async chat(mode) {
      const response = await post(mode, false);
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = (await response.json()) as { choices: Array<{ message: { content: string } }> };
      return body.choices[0]?.message.content ?? '';
    },
    async stream(mode) {
      const response = await post(mode, true);
      if (!response.ok || response.body === null) throw new Error(`HTTP ${response.status}`);
      return readSseText(response.body);
    },
    async hold(mode) {
      const controller = new AbortController();
      const response = await post(mode, true, controller.signal);
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      await reader.read();
      return async () => {
        controller.abort();
        await reader.cancel().catch(() => {});
      };
    },
  };
}

async function readSseText(body: ReadableStream<Uint8Array>): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text;
    buffer += decoder.decode(value, { stream: true });
    let start = 0;
    for (;;) {
      const end = buffer.indexOf('\n\n', start);
      if (end === -1) break;
      const event = buffer.slice(start, end);
      start = end + 2;
      if (!event.startsWith('data: ')) continue;
      const data = event.slice(6);
      if (data === '[DONE]') {
        await reader.cancel();
        return text;
      }
      const chunk = JSON.parse(data) as { choices: Array<{ delta?: { content?: string } }> };
      const content = chunk.choices[0]?.delta?.content;
      if (content !== undefined) text += content;
    }
    buffer = buffer.slice(start);
  }
}
