// Type tests: checked by `npm run typecheck` (tsc), never executed. Each @ts-expect-error line
// fails the typecheck if the error it expects disappears.
import { expectTypeOf } from 'vitest';
import { createProviderClient } from '../../src/core.js';
import {
  createClient,
  type ChatCompletionResponse,
  type ChatStream,
  type EmbeddingResponse,
  type ModelsListResponse,
  type ProviderId,
} from '../../src/index.js';
import { groqProvider } from '../../generated/providers/groq.js';

const client = createClient();
const messages = [{ role: 'user' as const, content: 'Hi' }];

// The multi-provider client routes any provider/model string.
expectTypeOf(client.chat({ model: 'groq/llama-3.3-70b-versatile', messages })).toEqualTypeOf<Promise<ChatCompletionResponse>>();
expectTypeOf(client.chatStream({ model: 'ollama/llama3.2', messages })).toEqualTypeOf<ChatStream>();
expectTypeOf(client.embed({ model: 'mistral/mistral-embed', input: ['a', 'b'] })).toEqualTypeOf<Promise<EmbeddingResponse>>();
expectTypeOf(client.listModels({ provider: 'openrouter' })).toEqualTypeOf<Promise<ModelsListResponse>>();
// @ts-expect-error unknown provider ids do not compile
client.listModels({ provider: 'not-a-provider' });

// Per-provider clients expose only the endpoints the provider declares.
const groq = client.provider('groq');
expectTypeOf(groq.id).toEqualTypeOf<'groq'>();
expectTypeOf(groq.chat).toBeFunction();
expectTypeOf(groq.listModels).toBeFunction();
// Known model ids autocomplete, new ids are still accepted.
type GroqChatModel = Parameters<typeof groq.chat>[0]['model'];
expectTypeOf<'llama-3.3-70b-versatile'>().toMatchTypeOf<GroqChatModel>();
expectTypeOf<'some-new-model'>().toMatchTypeOf<GroqChatModel>();

// @ts-expect-error unknown provider ids do not compile
client.provider('gorq');

const mistral = client.provider('mistral');
expectTypeOf(mistral.embed).toBeFunction();

// A chat-only provider has no embed (and no listModels when it declares no models endpoint).
const perplexity = client.provider('perplexity');
expectTypeOf(perplexity.chat).toBeFunction();
// @ts-expect-error perplexity declares no embeddings endpoint
perplexity.embed({ model: 'x', input: 'a' });
// @ts-expect-error perplexity declares no models endpoint
perplexity.listModels();

// A provider without chat has no chat.
const voyage = client.provider('voyage');
// @ts-expect-error voyage serves embeddings, not chat
voyage.chat({ model: 'x', messages });

// Request fields are typed from the JSON Schemas.
// @ts-expect-error messages must be an array of messages
void client.chat({ model: 'groq/x', messages: 'hi' });
// @ts-expect-error unknown request fields are typos; provider-specific ones go in extra_body
void client.chat({ model: 'groq/x', messages, temprature: 1 });
void client.chat({ model: 'groq/x', messages, extra_body: { top_k: 40 } });

expectTypeOf<'openai'>().toMatchTypeOf<ProviderId>();

// The core entry types follow the definitions passed in.
const onlyGroq = createProviderClient([groqProvider]);
expectTypeOf(onlyGroq.provider('groq').chat).toBeFunction();
// @ts-expect-error only groq was passed
onlyGroq.provider('openai');
