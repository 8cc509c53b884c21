// A TypeScript application of the public API, checked with skipLibCheck false under NodeNext and
// under Bundler, without @types/node (lib DOM provides fetch, streams and AbortSignal).
import { AuthenticationError, callInfo, createClient, LiterLlmError, type ChatCompletionResponse, type ClientOptions } from 'liter-llm';
import { createProviderClient } from 'liter-llm/core';
import { defineProvider } from 'liter-llm/define-provider';
import { createCacheMiddleware, createMemoryCacheStore } from 'liter-llm/middleware';
import { groqProvider } from 'liter-llm/providers/groq';

const options: ClientOptions = { providers: { openai: { baseURL: 'http://127.0.0.1:1/v1', apiKey: 'sk-typed' } }, maxRetries: 0 };
const client = createClient(options);

export async function ask(question: string): Promise<string | null | undefined> {
  try {
    const reply: ChatCompletionResponse = await client.chat({ model: 'openai/gpt-4o-mini', messages: [{ role: 'user', content: question }] });
    const provider: string = callInfo(reply).provider;
    void provider;
    return reply.choices[0]?.message.content;
  } catch (error) {
    if (error instanceof AuthenticationError) return error.provider;
    if (error instanceof LiterLlmError) return error.kind;
    throw error;
  }
}

export async function askGroq(): Promise<string | null | undefined> {
  const groq = createProviderClient([groqProvider], { middleware: [createCacheMiddleware({ store: createMemoryCacheStore() })] });
  const reply = await groq.provider('groq').chat({ model: 'llama-3.3-70b-versatile', messages: [{ role: 'user', content: 'Hi' }] });
  // The declarations are real types, not `any`: a wrong field type is an error.
  // @ts-expect-error model is a string
  await groq.provider('groq').chat({ model: 42, messages: [] });
  return reply.choices[0]?.message.content;
}

export const acme = defineProvider({ id: 'acme' });
