import type {
  Annotation,
  ChatCompletionMessage,
  ChatCompletionMessageToolCall,
  ChatCompletionResponse,
} from '../../../generated/types/index.js';
import { InvalidResponseError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { AnthropicMessageResponse, AnthropicRedactedThinkingBlock, AnthropicThinkingBlock } from './anthropic-wire-types.js';
import { convertAnthropicErrorEvent } from './convert-anthropic-error-event.js';
import { JSON_RESPONSE_TOOL_NAME } from './json-response-tool.js';
import { mapAnthropicStopReason } from './map-anthropic-stop-reason.js';
import { mapAnthropicUsage } from './map-anthropic-usage.js';
import { isRecord } from '../shared/is-record.js';

/**
 * The assistant message with Anthropic's thinking blocks kept, signatures included, as LiteLLM
 * names them: sending `thinking_blocks` back on the assistant message lets a multi-turn tool
 * conversation keep thinking on. `redacted_thinking` blocks (encrypted by Anthropic's safety
 * systems) appear only here, since they have no readable text for `reasoning_content`.
 */
export interface AnthropicChatCompletionMessage extends ChatCompletionMessage {
  thinking_blocks?: Array<AnthropicThinkingBlock | AnthropicRedactedThinkingBlock>;
}

/**
 * A `POST /v1/messages` response as an OpenAI chat completion: text blocks joined into `content`,
 * thinking into `reasoning_content`, `tool_use` blocks into `tool_calls` with JSON-string arguments,
 * the emulated `json_response` tool's input into `content`, `stop_reason` mapped with the raw value
 * kept, usage with cache reads and writes counted into `prompt_tokens`.
 */
export function convertAnthropicChatResponse(body: unknown, route: ResolvedRoute): ChatCompletionResponse {
  if (isRecord(body) && body.type === 'error') throw convertAnthropicErrorEvent(body, route);
  if (!isRecord(body) || !Array.isArray(body.content)) {
    throw new InvalidResponseError(`${route.provider.id}: the messages response has no content array`, {
      provider: route.provider.id,
      model: route.model,
      body,
    });
  }
  const response = body as unknown as AnthropicMessageResponse;
  const message: AnthropicChatCompletionMessage = { role: 'assistant', content: null };
  let text: string | undefined;
  let reasoning: string | undefined;
  let jsonAnswer: string | undefined;
  const toolCalls: ChatCompletionMessageToolCall[] = [];
  const thinkingBlocks: Array<AnthropicThinkingBlock | AnthropicRedactedThinkingBlock> = [];
  const annotations: Annotation[] = [];

  for (const block of response.content) {
    switch (block.type) {
      case 'text': {
        const start = text?.length ?? 0;
        text = (text ?? '') + String(block.text ?? '');
        annotations.push(...convertCitations(block.citations, start, text.length));
        break;
      }
      case 'thinking':
        reasoning = (reasoning ?? '') + String(block.thinking ?? '');
        thinkingBlocks.push({ type: 'thinking', thinking: String(block.thinking ?? ''), signature: String(block.signature ?? '') });
        break;
      case 'redacted_thinking':
        thinkingBlocks.push({ type: 'redacted_thinking', data: String(block.data ?? '') });
        break;
      case 'tool_use': {
        const argumentsJson = JSON.stringify(block.input ?? {});
        if (block.name === JSON_RESPONSE_TOOL_NAME) jsonAnswer = argumentsJson;
        else toolCalls.push({ id: String(block.id ?? ''), type: 'function', function: { name: String(block.name ?? ''), arguments: argumentsJson } });
        break;
      }
      default:
        // Server tool blocks (web search, code execution) ran on Anthropic's side; their results are in the text.
        break;
    }
  }

  // A structured answer is the content; text the model wrote around the forced tool call is not JSON.
  message.content = jsonAnswer ?? text ?? null;
  if (reasoning !== undefined) message.reasoning_content = reasoning;
  if (toolCalls.length > 0) message.tool_calls = toolCalls;
  if (thinkingBlocks.length > 0) message.thinking_blocks = thinkingBlocks;
  if (annotations.length > 0 && jsonAnswer === undefined) message.annotations = annotations;

  const stopReason = response.stop_reason ?? null;
  const finishReason = stopReason === 'tool_use' && toolCalls.length === 0 && jsonAnswer !== undefined ? 'stop' : mapAnthropicStopReason(stopReason);
  return {
    id: response.id ?? '',
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: response.model ?? route.model,
    choices: [{ index: 0, message, finish_reason: finishReason, native_finish_reason: stopReason }],
    ...(response.usage ? { usage: mapAnthropicUsage(response.usage) } : {}),
  };
}

/** Web search citations carry a URL, which OpenAI calls a `url_citation`; document citations do not. */
function convertCitations(citations: unknown, start: number, end: number): Annotation[] {
  if (!Array.isArray(citations)) return [];
  return citations.flatMap((citation: unknown): Annotation[] => {
    if (!isRecord(citation) || typeof citation.url !== 'string') return [];
    const title = typeof citation.title === 'string' ? citation.title : undefined;
    return [{ type: 'url_citation', url_citation: { start_index: start, end_index: end, url: citation.url, ...(title ? { title } : {}) } }];
  });
}
