import { createClient } from '../../src/index.js';
import { MESSAGES, perMode, type Contender } from './contender.js';
import type { ClientOptions } from '../../src/public-api.js';

/**
 * liter-llm with a bare `provider/model` call: the registry's `openai` provider with its base URL
 * overridden (`providers: { openai: { baseURL } }`), so the call runs the real dialect, no middleware.
 */
export function createContender(origin: string, extra: ClientOptions = {}): Contender {
  const client = perMode(
    (baseURL) => createClient({ providers: { openai: { baseURL, apiKey: 'bench-key' } }, maxRetries: 0, ...extra }),
    origin,
  );
  const request = { model: 'openai/gpt-4o-mini', messages: MESSAGES };
  const callOptions = extra.cache === undefined ? undefined : { cache: false };
  return {
    async chat(mode) {
      const response = await client(mode).chat(request, callOptions);
      return response.choices[0]?.message.content ?? '';
    },
    async stream(mode) {
      let text = '';
      for await (const chunk of client(mode).chatStream(request, callOptions)) text += chunk.choices[0]?.delta?.content ?? '';
      return text;
    },
    async hold(mode) {
      const iterator = client(mode).chatStream(request, callOptions)[Symbol.asyncIterator]();
      await iterator.next();
      return async () => {
        await iterator.return?.();
      };
    },
  };
}
