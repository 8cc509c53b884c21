import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { generateText, streamText } from 'ai';
import { MESSAGES, MODEL, perMode, type Contender } from './contender.js';

(globalThis as { AI_SDK_LOG_WARNINGS?: boolean }).AI_SDK_LOG_WARNINGS = false;

/** The Vercel AI SDK 6 with its OpenAI-compatible provider, retries off. */
export function createContender(origin: string): Contender {
  const model = perMode((baseURL) => createOpenAICompatible({ name: 'mock', baseURL, apiKey: 'bench-key' }).chatModel(MODEL), origin);
  return {
    async chat(mode) {
      const result = await generateText({ model: model(mode), messages: MESSAGES, maxRetries: 0 });
      return result.text;
    },
    async stream(mode) {
      let failure: unknown;
      const result = streamText({
        model: model(mode),
        messages: MESSAGES,
        maxRetries: 0,
        onError: ({ error }) => {
          failure = error;
        },
      });
      let text = '';
      for await (const piece of result.textStream) text += piece;
      if (failure !== undefined) throw failure;
      return text;
    },
    async hold(mode) {
      const controller = new AbortController();
      const result = streamText({ model: model(mode), messages: MESSAGES, maxRetries: 0, abortSignal: controller.signal, onError: () => {} });
      const iterator = result.textStream[Symbol.asyncIterator]();
      await iterator.next();
      return async () => {
        controller.abort();
        await iterator.return?.();
      };
    },
  };
}
