// Cohere's v2 wire format (https://docs.cohere.com/reference/chat, /reference/chat-stream,
// /reference/embed), as far as this dialect reads or writes it. Response types are loose on
// purpose: they describe untrusted JSON and every field is checked before use.

export type CohereTextPart = { type: 'text'; text: string };
export type CohereImagePart = { type: 'image_url'; image_url: { url: string; detail?: 'auto' | 'low' | 'high' } };
export type CohereUserPart = CohereTextPart | CohereImagePart;

export interface CohereToolCall {
  id: string;
  type: 'function';
  function: { name: string; arguments: string };
}

export type CohereMessage =
  | { role: 'system'; content: string | CohereTextPart[] }
  | { role: 'user'; content: string | CohereUserPart[] }
  | { role: 'assistant'; content?: string; tool_calls?: CohereToolCall[]; tool_plan?: string }
  | { role: 'tool'; tool_call_id: string; content: string | CohereTextPart[] };

export interface CohereTool {
  type: 'function';
  function: { name: string; description?: string; parameters: Record<string, unknown> };
}

export type CohereToolChoice = 'REQUIRED' | 'NONE';

export type CohereResponseFormat = { type: 'json_object'; json_schema?: Record<string, unknown> };

export type CohereThinking = { type: 'enabled'; token_budget: number } | { type: 'disabled' };

/** `usage` of a chat response and of `message-end`. */
export interface CohereUsage {
  billed_units?: { input_tokens?: number; output_tokens?: number; search_units?: number; classifications?: number };
  tokens?: { input_tokens?: number; output_tokens?: number };
  cached_tokens?: number;
}

export interface CohereResponseContentPart {
  type?: string;
  text?: string;
  thinking?: string;
}

export interface CohereAssistantResponseMessage {
  role?: string;
  content?: CohereResponseContentPart[];
  tool_plan?: string;
  tool_calls?: Array<{ id?: string; type?: string; function?: { name?: string; arguments?: unknown } }>;
  citations?: unknown[];
}

export interface CohereChatResponse {
  id?: string;
  finish_reason?: string;
  message?: CohereAssistantResponseMessage;
  usage?: CohereUsage;
  logprobs?: Array<{ token_ids?: number[]; text?: string; logprobs?: number[] }>;
}

/** One SSE payload of a v2 chat stream; `type` repeats the SSE `event:` name. */
export interface CohereStreamEvent {
  type?: string;
  id?: string;
  index?: number;
  delta?: {
    message?: {
      role?: string;
      content?: CohereResponseContentPart;
      tool_plan?: string;
      tool_calls?: { id?: string; type?: string; function?: { name?: string; arguments?: string } };
    };
    finish_reason?: string;
    usage?: CohereUsage;
    error?: string;
  };
}

export interface CohereEmbedResponse {
  id?: string;
  embeddings?: { float?: number[][] };
  texts?: string[];
  meta?: { billed_units?: { input_tokens?: number }; tokens?: { input_tokens?: number } };
}
