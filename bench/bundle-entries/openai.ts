import OpenAI from 'openai';

export async function run(baseURL: string): Promise<string> {
  const client = new OpenAI({ apiKey: 'key', baseURL });
  let text = '';
  const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Hi' }], stream: true });
  for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
  return text;
}
