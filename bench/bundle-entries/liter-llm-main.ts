// The main entry (`import { createClient } from 'liter-llm'`, the whole registry), built from src.
import { createClient } from '../../src/index.js';

export async function run(baseURL: string): Promise<string> {
  const client = createClient({ providers: { openai: { baseURL, apiKey: 'key' } } });
  let text = '';
  for await (const chunk of client.chatStream({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] })) {
    text += chunk.choices[0]?.delta?.content ?? '';
  }
  return text;
}
