import type { ChatCompletionRequest } from '../../../generated/types/index.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { WireRequest } from '../dialect.js';
import { convertGeminiGenerationConfig } from './convert-gemini-generation-config.js';
import { convertGeminiMessages } from './convert-gemini-messages.js';
import { convertGeminiStreamPath } from './convert-gemini-stream-path.js';
import type { GeminiGenerateContentRequest } from './gemini-wire-types.js';
import { mergeExtraBody } from './merge-extra-body.js';
import { prepareGeminiTools } from './prepare-gemini-tools.js';

/** Request fields this conversion reads; any other is reported as dropped. */
const HANDLED = new Set([
  'model', 'messages', 'temperature', 'top_p', 'n', 'stop', 'max_tokens', 'max_completion_tokens', 'presence_penalty',
  'frequency_penalty', 'logprobs', 'top_logprobs', 'seed', 'stream', 'stream_options', 'tools', 'tool_choice',
  'parallel_tool_calls', 'response_format', 'reasoning_effort', 'functions', 'function_call', 'extra_body',
]);

export const DEFAULT_GEMINI_CHAT_PATH = '/models/{model}:generateContent';

/**
 * An OpenAI chat request as a Gemini `generateContent` (or `streamGenerateContent?alt=sse`) call.
 * The registry's quirks were applied before (load-dialect.ts); `extra_body` is merged last.
 */
export function convertGeminiChatRequest(request: ChatCompletionRequest, route: ResolvedRoute, stream: boolean): WireRequest {
  const provider = route.provider.id;
  const { extra_body: extraBody, ...input } = request;
  const warnings: string[] = [];

  for (const [name, value] of Object.entries(input)) {
    if (HANDLED.has(name) || value === undefined || value === null) continue;
    if (name === 'modalities' && Array.isArray(value) && value.every((modality) => modality === 'text')) continue;
    warnings.push(`${name}: Gemini has no equivalent; dropped (provider options go in extra_body)`);
  }
  if (input.parallel_tool_calls === false) {
    warnings.push('parallel_tool_calls: Gemini cannot be told to call one tool at a time; dropped');
  }

  const messages = convertGeminiMessages(input.messages, provider, route.model);
  const tools = prepareGeminiTools({
    tools: input.tools,
    toolChoice: input.tool_choice,
    functions: input.functions,
    functionCall: input.function_call,
    provider,
  });
  const generation = convertGeminiGenerationConfig(input, route.model, provider);
  warnings.push(...messages.warnings, ...tools.warnings, ...generation.warnings);

  const body: GeminiGenerateContentRequest = { contents: messages.contents };
  if (messages.systemInstruction !== undefined) body.systemInstruction = messages.systemInstruction;
  if (tools.tools !== undefined) body.tools = tools.tools;
  if (tools.toolConfig !== undefined) body.toolConfig = tools.toolConfig;
  if (generation.generationConfig !== undefined) body.generationConfig = generation.generationConfig;

  const chatPath = route.provider.definition.endpoints.chat?.path ?? DEFAULT_GEMINI_CHAT_PATH;
  return {
    endpoint: 'chat',
    method: 'POST',
    path: stream ? convertGeminiStreamPath(chatPath, provider) : chatPath,
    body: mergeExtraBody(body as unknown as Record<string, unknown>, extraBody),
    warnings,
  };
}
