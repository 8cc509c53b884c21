import { Pool } from 'undici';
import { MESSAGES, MODEL, type Contender } from './contender.js';

/** The Node floor: an undici Pool, no WHATWG streams, the same hand-written SSE split. */
export function createContender(origin: string): Contender {
  const pool = new Pool(origin, { connections: 256 });
  const headers = { 'content-type': 'application/json', authorization: 'Bearer bench-key', accept: 'application/json' };
  const streamHeaders = { ...headers, accept: 'text/event-stream' };
  const unaryBody = JSON.stringify({ model: MODEL, messages: MESSAGES });
  const streamBody = JSON.stringify({ model: MODEL, messages: MESSAGES, stream: true });
  const post = (mode: string, stream: boolean, signal?: AbortSignal) =>
    pool.request({
      path: `/${mode}/v1/chat/completions`,
      method: 'POST',
      headers: stream ? streamHeaders : headers,
      body: stream ? streamBody : unaryBody,
      ...(signal === undefined ? {} : { signal }),
    });
  return {
    async chat(mode) {
      const response = await post(mode, false);
      if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}`);
      const body = (await response.body.json()) as { choices: Array<{ message: { content: string } }> };
      return body.choices[0]?.message.content ?? '';
    },
    async stream(mode) {
      const response = await post(mode, true);
      if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}`);
      response.body.setEncoding('utf8');
      let buffer = '';
      let text = '';
      for await (const piece of response.body as AsyncIterable<string>) {
        buffer += piece;
        let start = 0;
        for (;;) {
          const end = buffer.indexOf('\n\n', start);
          if (end === -1) break;
          const event = buffer.slice(start, end);
          start = end + 2;
          if (!event.startsWith('data: ')) continue;
          const data = event.slice(6);
          if (data === '[DONE]') {
            response.body.destroy();
            return text;
          }
          const chunk = JSON.parse(data) as { choices: Array<{ delta?: { content?: string } }> };
          const content = chunk.choices[0]?.delta?.content;
          if (content !== undefined) text += content;
        }
        buffer = buffer.slice(start);
      }
      return text;
    },
    async hold(mode) {
      const response = await post(mode, true);
      await new Promise((resolve) => response.body.once('data', resolve));
      response.body.pause();
      return async () => {
        response.body.destroy();
      };
    },
  };
}
