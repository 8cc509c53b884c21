import OpenAI from 'openai';
import { MESSAGES, MODEL, perMode, type Contender } from './contender.js';

/** openai-node 6, retries off, its own timeout out of the way. */
export function createContender(origin: string): Contender {
  const client = perMode((baseURL) => new OpenAI({ apiKey: 'bench-key', baseURL, maxRetries: 0, timeout: 600_000 }), origin);
  return {
    async chat(mode) {
      const response = await client(mode).chat.completions.create({ model: MODEL, messages: MESSAGES });
      return response.choices[0]?.message.content ?? '';
    },
    async stream(mode) {
      const stream = await client(mode).chat.completions.create({ model: MODEL, messages: MESSAGES, stream: true });
      let text = '';
      for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
      return text;
    },
    async hold(mode) {
      const stream = await client(mode).chat.completions.create({ model: MODEL, messages: MESSAGES, stream: true });
      const iterator = stream[Symbol.asyncIterator]();
      await iterator.next();
      return async () => {
        stream.controller.abort();
        await iterator.return?.();
      };
    },
  };
}
