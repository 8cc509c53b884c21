import type { ChatCompletionMessageToolCall, ChatCompletionResponse } from '../../../generated/types/index.js';
import { InvalidResponseError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { BedrockConverseResponse } from './bedrock-wire-types.js';
import { createCompletionId } from './create-completion-id.js';
import { mapBedrockStopReason } from './map-bedrock-stop-reason.js';
import { mapBedrockUsage } from './map-bedrock-usage.js';
import { RESPONSE_FORMAT_TOOL_NAME } from './response-format-tool.js';

/**
 * A Converse response as an OpenAI chat completion: text blocks become `content`, `toolUse`
 * blocks `tool_calls` (input re-encoded as a JSON string), `reasoningContent` text
 * `reasoning_content`. A call of the response_format tool is the JSON answer, so it becomes content
 * and the turn ends with `stop`.
 */
export function convertBedrockChatResponse(body: unknown, route: ResolvedRoute): ChatCompletionResponse {
  const response = body as BedrockConverseResponse | null;
  const blocks = response?.output?.message?.content;
  if (response === null || typeof response !== 'object' || !Array.isArray(blocks)) {
    throw new InvalidResponseError(`${route.provider.id}: the Converse response has no output.message.content array`, {
      provider: route.provider.id,
      model: route.model,
      body,
    });
  }
  let text = '';
  let reasoning = '';
  let answeredInJson = false;
  const toolCalls: ChatCompletionMessageToolCall[] = [];
  for (const block of blocks) {
    if (block === null || typeof block !== 'object') continue;
    const record = block as Record<string, unknown>;
    if (typeof record.text === 'string') text += record.text;
    const toolUse = record.toolUse as { toolUseId?: unknown; name?: unknown; input?: unknown } | undefined;
    if (toolUse !== undefined && toolUse !== null) {
      const argumentsText = JSON.stringify(toolUse.input ?? {});
      if (toolUse.name === RESPONSE_FORMAT_TOOL_NAME) {
        text += argumentsText;
        answeredInJson = true;
      } else {
        toolCalls.push({
          id: String(toolUse.toolUseId ?? ''),
          type: 'function',
          function: { name: String(toolUse.name ?? ''), arguments: argumentsText },
        });
      }
    }
    const reasoningText = (record.reasoningContent as { reasoningText?: { text?: unknown } } | undefined)?.reasoningText?.text;
    if (typeof reasoningText === 'string') reasoning += reasoningText;
  }
  const stopReason = typeof response.stopReason === 'string' ? response.stopReason : undefined;
  const finishReason = answeredInJson && toolCalls.length === 0 && stopReason === 'tool_use' ? 'stop' : mapBedrockStopReason(stopReason);
  return {
    id: createCompletionId(),
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: route.model,
    choices: [
      {
        index: 0,
        message: {
          role: 'assistant',
          content: text === '' && toolCalls.length > 0 ? null : text,
          ...(reasoning === '' ? {} : { reasoning_content: reasoning }),
          ...(toolCalls.length === 0 ? {} : { tool_calls: toolCalls }),
        },
        finish_reason: finishReason,
        native_finish_reason: stopReason ?? null,
      },
    ],
    ...(response.usage === undefined ? {} : { usage: mapBedrockUsage(response.usage) }),
  };
}
