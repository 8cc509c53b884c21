/** Ollama's native API (https://github.com/ollama/ollama/blob/main/docs/api.md), the parts read here. */

export interface OllamaToolCall {
  readonly id?: string;
  readonly function: { readonly name: string; readonly arguments: unknown; readonly index?: number };
}

export interface OllamaMessage {
  readonly role: 'system' | 'user' | 'assistant' | 'tool';
  readonly content: string;
  readonly images?: readonly string[];
  readonly thinking?: string;
  readonly tool_calls?: readonly OllamaToolCall[];
  readonly tool_name?: string;
}

/** A `/api/chat` answer, or one line of its stream (`done: true` on the last). */
export interface OllamaChatResponse {
  readonly model?: string;
  readonly created_at?: string;
  readonly message?: Partial<OllamaMessage>;
  readonly done?: boolean;
  readonly done_reason?: string;
  readonly prompt_eval_count?: number;
  readonly eval_count?: number;
  readonly error?: string;
}
