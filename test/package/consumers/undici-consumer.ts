// A Node application with undici installed: `liter-llm/undici` type-checks against undici's own
// types and @types/node, with no DOM lib.
import { createClient, type ChatCompletionResponse } from 'liter-llm';
import { createUndiciFetch, type UndiciFetchOptions } from 'liter-llm/undici';
import { Agent } from 'undici';

const options: UndiciFetchOptions = { connections: 4 };
const transport = createUndiciFetch(options);
const owned = createUndiciFetch({ dispatcher: new Agent() });
const client = createClient({ fetch: transport });

export async function ask(): Promise<ChatCompletionResponse> {
  try {
    return await client.chat({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] });
  } finally {
    await Promise.all([transport.close(), owned.dispatcher.close()]);
  }
}
