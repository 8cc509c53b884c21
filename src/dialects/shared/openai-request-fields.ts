import type { ChatCompletionRequest, EmbeddingRequest } from '../../../generated/types/index.js';

// Mapped types, so a field added to the schema is a compile error here until it is listed.
const CHAT_FIELDS = {
  model: true,
  messages: true,
  temperature: true,
  top_p: true,
  n: true,
  stop: true,
  max_tokens: true,
  max_completion_tokens: true,
  presence_penalty: true,
  frequency_penalty: true,
  logit_bias: true,
  logprobs: true,
  top_logprobs: true,
  seed: true,
  user: true,
  stream: true,
  stream_options: true,
  tools: true,
  tool_choice: true,
  parallel_tool_calls: true,
  response_format: true,
  reasoning_effort: true,
  modalities: true,
  audio: true,
  prediction: true,
  store: true,
  metadata: true,
  service_tier: true,
  functions: true,
  function_call: true,
  extra_body: true,
} as const satisfies Record<keyof ChatCompletionRequest, true>;

const EMBEDDING_FIELDS = {
  model: true,
  input: true,
  encoding_format: true,
  dimensions: true,
  user: true,
  extra_body: true,
} as const satisfies Record<keyof EmbeddingRequest, true>;

/** The parameters of an OpenAI chat completion request. */
export const CHAT_REQUEST_FIELDS: ReadonlySet<string> = new Set(Object.keys(CHAT_FIELDS));

/** The parameters of an OpenAI embeddings request. */
export const EMBEDDING_REQUEST_FIELDS: ReadonlySet<string> = new Set(Object.keys(EMBEDDING_FIELDS));
