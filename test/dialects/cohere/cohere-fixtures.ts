// Wire fixtures written from Cohere's v2 reference (https://docs.cohere.com/reference/chat,
// /reference/chat-stream, /reference/embed, /reference/errors, /docs/reasoning): the documented
// shapes, with this suite's question and answer filled in.
import { cohereProvider } from '../../../generated/providers/cohere.js';
import type { ProviderOverride } from '../../../src/routing/resolved-provider.js';
import { resolveProvider } from '../../../src/routing/resolve-provider.js';
import type { ResolvedRoute } from '../../../src/routing/resolved-route.js';

export function cohereRoute(model = 'command-a-03-2025', override?: ProviderOverride): ResolvedRoute {
  const provider = resolveProvider({
    definition: cohereProvider,
    override,
    apiKey: 'co-test-key',
    fallbackApiKey: undefined,
    clientHeaders: {},
    env: {},
  });
  return { provider, model };
}

/** Cohere SSE: the event type in both the `event:` field and the JSON `type`. */
export function cohereSse(events: ReadonlyArray<Record<string, unknown> & { type: string }>): string {
  return events.map((event) => `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`).join('');
}

export const textResponse = {
  id: 'c14c80c3-18eb-4519-9460-6c92edd8cfb4',
  finish_reason: 'COMPLETE',
  message: { role: 'assistant', content: [{ type: 'text', text: 'Paris.' }] },
  usage: { billed_units: { input_tokens: 8, output_tokens: 2 }, tokens: { input_tokens: 20, output_tokens: 2 } },
};

export const toolCallResponse = {
  id: '4a6c8f2e-6e0b-4a5e-9c43-31f2b1f0d1a7',
  finish_reason: 'TOOL_CALL',
  message: {
    role: 'assistant',
    tool_plan: 'I will look up the weather in Paris.',
    tool_calls: [
      { id: 'get_weather_1byjy32y4hvq', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } },
    ],
  },
  usage: { billed_units: { input_tokens: 37, output_tokens: 21 }, tokens: { input_tokens: 1010, output_tokens: 21 } },
};

/** command-a-reasoning: a thinking part before the text part. */
export const reasoningResponse = {
  id: 'b2f1c5a0-5d1e-4f4c-8f53-0c7c0a9e9f11',
  finish_reason: 'COMPLETE',
  message: {
    role: 'assistant',
    content: [
      { type: 'thinking', thinking: 'Alice has 2 sisters; her brothers also count Alice.' },
      { type: 'text', text: 'Each brother has 3 sisters.' },
    ],
  },
  usage: { billed_units: { input_tokens: 40, output_tokens: 60 }, tokens: { input_tokens: 560, output_tokens: 60 }, cached_tokens: 512 },
};

const messageStart = {
  type: 'message-start',
  id: '29f14a5a-11de-4cae-9800-25e4747408ea',
  delta: { message: { role: 'assistant', content: [], tool_plan: '', tool_calls: [], citations: [] } },
};

export const textStreamEvents = [
  messageStart,
  { type: 'content-start', index: 0, delta: { message: { content: { type: 'text', text: '' } } } },
  { type: 'content-delta', index: 0, delta: { message: { content: { text: 'Par' } } }, logprobs: null },
  { type: 'content-delta', index: 0, delta: { message: { content: { text: 'is.' } } }, logprobs: null },
  { type: 'content-end', index: 0 },
  {
    type: 'message-end',
    delta: {
      finish_reason: 'COMPLETE',
      usage: { billed_units: { input_tokens: 8, output_tokens: 2 }, tokens: { input_tokens: 20, output_tokens: 2 } },
    },
  },
];

export const toolCallStreamEvents = [
  messageStart,
  { type: 'tool-plan-delta', delta: { message: { tool_plan: 'I will look up ' } } },
  { type: 'tool-plan-delta', delta: { message: { tool_plan: 'the weather.' } } },
  {
    type: 'tool-call-start',
    index: 0,
    delta: {
      message: { tool_calls: { id: 'get_weather_nsz5zm3w56q3', type: 'function', function: { name: 'get_weather', arguments: '' } } },
    },
  },
  { type: 'tool-call-delta', index: 0, delta: { message: { tool_calls: { function: { arguments: '{"city":' } } } } },
  { type: 'tool-call-delta', index: 0, delta: { message: { tool_calls: { function: { arguments: '"Paris"}' } } } } },
  { type: 'tool-call-end', index: 0 },
  {
    type: 'tool-call-start',
    index: 1,
    delta: {
      message: { tool_calls: { id: 'get_weather_a8kd2kd9s1qq', type: 'function', function: { name: 'get_weather', arguments: '' } } },
    },
  },
  { type: 'tool-call-delta', index: 1, delta: { message: { tool_calls: { function: { arguments: '{"city":"Rome"}' } } } } },
  { type: 'tool-call-end', index: 1 },
  {
    type: 'message-end',
    delta: {
      finish_reason: 'TOOL_CALL',
      usage: { billed_units: { input_tokens: 37, output_tokens: 28 }, tokens: { input_tokens: 1010, output_tokens: 28 } },
    },
  },
];

export const reasoningStreamEvents = [
  messageStart,
  { type: 'content-start', index: 0, delta: { message: { content: { type: 'thinking', thinking: '' } } } },
  { type: 'content-delta', index: 0, delta: { message: { content: { thinking: 'Alice has ' } } } },
  { type: 'content-delta', index: 0, delta: { message: { content: { thinking: '2 sisters.' } } } },
  { type: 'content-end', index: 0 },
  { type: 'content-start', index: 1, delta: { message: { content: { type: 'text', text: '' } } } },
  { type: 'content-delta', index: 1, delta: { message: { content: { text: '3 sisters.' } } } },
  { type: 'content-end', index: 1 },
  {
    type: 'message-end',
    delta: { finish_reason: 'COMPLETE', usage: { billed_units: { input_tokens: 40, output_tokens: 9 }, tokens: { input_tokens: 560, output_tokens: 9 } } },
  },
];

/** RAG with `documents`: a citation pair between the content events. */
export const citationStreamEvents = [
  messageStart,
  { type: 'content-start', index: 0, delta: { message: { content: { type: 'text', text: '' } } } },
  { type: 'content-delta', index: 0, delta: { message: { content: { text: 'The tallest penguins are emperor penguins.' } } } },
  {
    type: 'citation-start',
    index: 0,
    delta: {
      message: {
        citations: {
          start: 29,
          end: 45,
          text: 'emperor penguins',
          sources: [{ type: 'document', id: 'doc:0', document: { id: 'doc:0', snippet: 'Emperor penguins are the tallest.', title: 'Tall penguins' } }],
          type: 'TEXT_CONTENT',
        },
      },
    },
  },
  { type: 'citation-end', index: 0 },
  { type: 'content-end', index: 0 },
  { type: 'message-end', delta: { finish_reason: 'COMPLETE', usage: { billed_units: { input_tokens: 30, output_tokens: 9 }, tokens: { input_tokens: 900, output_tokens: 9 } } } },
];

export const embedResponse = {
  id: 'da6e531f-54c6-4a73-bf92-f60566d8d753',
  embeddings: { float: [[0.016296387, -0.008354187, -0.04699707], [-0.0018434525, 0.04272461, 0.0115356445]] },
  texts: ['hello', 'goodbye'],
  meta: { api_version: { version: '2' }, billed_units: { input_tokens: 2 } },
};

export const errors = {
  invalidToken: { message: 'invalid api token' },
  trialKey: { message: 'You are using a Trial key, which is limited to 10 API calls / minute. Upgrade to a Production key to increase your rate limit.' },
  promptTooLong: { message: "too many tokens: size limit exceeded by 11326 tokens. Try using shorter or fewer inputs, or setting prompt_truncation='AUTO'." },
  maxTokensTooHigh: { message: 'too many tokens: max tokens must be less than or equal to 4096, the maximum output for this model - received 8192.' },
  badRequest: { message: 'invalid request: cannot specify both frequency_penalty and presence_penalty.' },
};
