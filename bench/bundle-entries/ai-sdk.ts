import { createOpenAICompatible } from '@ai-sdk/openai-compatible';
import { streamText } from 'ai';

export async function run(baseURL: string): Promise<string> {
  const provider = createOpenAICompatible({ name: 'mock', baseURL, apiKey: 'key' });
  let text = '';
  const result = streamText({ model: provider.chatModel('gpt-4o-mini'), messages: [{ role: 'user', content: 'Hi' }] });
  for await (const piece of result.textStream) text += piece;
  return text;
}
