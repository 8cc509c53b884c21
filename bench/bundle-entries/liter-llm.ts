// liter-llm/core with one provider module, built from src.
import { createProviderClient } from '../../src/core.js';
import { openaiProvider } from '../../generated/providers/openai.js';

export async function run(baseURL: string): Promise<string> {
  const client = createProviderClient([openaiProvider], { providers: { openai: { baseURL, apiKey: 'key' } } });
  let text = '';
  for await (const chunk of client.provider('openai').chatStream({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }] })) {
    text += chunk.choices[0]?.delta?.content ?? '';
  }
  return text;
}
