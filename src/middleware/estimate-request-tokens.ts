import type { Operation } from '../call/operation.js';

/** Characters per token: a common rule of thumb for English text and code. */
const CHARACTERS_PER_TOKEN = 4;

/** Tokens counted for a non-text part (an image or audio clip): OpenAI's price of a low-detail image. */
export const NON_TEXT_PART_TOKENS = 85;

export interface TokenEstimate {
  /** The input: characters / 4, rounded up, plus a flat amount per non-text part. */
  readonly prompt: number;
  /** The output allowance: the request's own maximum, else `completionTokens`. */
  readonly completion: number;
}

/**
 * A cheap estimate of what a call will cost in tokens, made before it is sent: every character
 * of text in the input (message contents, tool call arguments, tool definitions, `prompt`,
 * `input`, `instructions`) counts a quarter of a token, every image or audio part 85 tokens; the
 * output counts `max_completion_tokens`, `max_tokens` or `max_output_tokens` when the request sets
 * one, else `completionTokens`. Operations other than chat, completions, embeddings and
 * responses count no tokens (they still count as requests). The one estimate of every layer: rate
 * limits count it, budgets reserve it and cost tracking prices it when a stream reports no usage.
 */
export function estimateRequestTokens(operation: Operation, request: unknown, completionTokens: number): TokenEstimate {
  const body = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
  const counter = { characters: 0, parts: 0 };
  switch (operation) {
    case 'chat':
    case 'chatStream':
      countText(body.messages, counter);
      countText(body.tools, counter);
      return finish(counter, outputAllowance(body, ['max_completion_tokens', 'max_tokens'], completionTokens));
    case 'completion':
      countText(body.prompt, counter);
      return finish(counter, outputAllowance(body, ['max_tokens'], completionTokens));
    case 'responses.create':
    case 'responses.createStream':
      countText(body.input, counter);
      countText(body.instructions, counter);
      countText(body.tools, counter);
      return finish(counter, outputAllowance(body, ['max_output_tokens'], completionTokens));
    case 'embed':
      countText(body.input, counter);
      return finish(counter, 0);
    default:
      return { prompt: 0, completion: 0 };
  }
}

/** The input tokens of any plain data by the same rule (text a quarter of a token a character, 85 per image or audio part). */
export function estimateTextTokens(value: unknown): number {
  const counter = { characters: 0, parts: 0 };
  countText(value, counter);
  return finish(counter, 0).prompt;
}

/** Tokens for a number of characters of text, the same rule as the estimate. */
export function tokensOfCharacters(characters: number): number {
  return Math.ceil(characters / CHARACTERS_PER_TOKEN);
}

function finish(counter: { characters: number; parts: number }, completion: number): TokenEstimate {
  return { prompt: tokensOfCharacters(counter.characters) + counter.parts * NON_TEXT_PART_TOKENS, completion };
}

function outputAllowance(body: Record<string, unknown>, fields: readonly string[], fallback: number): number {
  for (const field of fields) {
    const value = body[field];
    if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return Math.ceil(value);
  }
  return fallback;
}

/**
 * Walks plain data: strings count their length, numbers (token ids of an embedding input) one
 * token each, image, audio and file parts a flat amount; binary data and URLs are not read.
 */
function countText(value: unknown, counter: { characters: number; parts: number }): void {
  if (typeof value === 'string') {
    counter.characters += value.length;
    return;
  }
  if (typeof value === 'number') {
    counter.characters += 4;
    return;
  }
  if (Array.isArray(value)) {
    for (const item of value) countText(item, counter);
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  const record = value as Record<string, unknown>;
  const type = record.type;
  if (typeof type === 'string' && /image|audio|file/.test(type)) {
    counter.parts += 1;
    return;
  }
  for (const [key, item] of Object.entries(record)) {
    if (key === 'role' || key === 'type' || key === 'id' || key === 'tool_call_id') continue;
    countText(item, counter);
  }
}
