import type { ChatCompletionRequest, Tool, ToolChoice } from '../../src/index.js';
import { invalid, readRequestField } from './read-request-field.js';

export type RequestTools = Pick<ChatCompletionRequest, 'tools' | 'tool_choice' | 'parallel_tool_calls'>;

/**
 * Anthropic client tools as OpenAI function tools (`input_schema` is the `parameters` schema,
 * `strict` kept) and `tool_choice` as OpenAI's: auto -> auto, any -> required, tool -> the named
 * function, none -> none, `disable_parallel_tool_use: true` -> `parallel_tool_calls: false`: the
 * inverse of the SDK's `prepareAnthropicTools`. Server tools (web search, code execution, ...) run
 * on Anthropic's side and no other provider has them: rejected, naming the tool.
 */
export function convertAnthropicRequestTools(tools: unknown, toolChoice: unknown, keepCacheControl: boolean): RequestTools {
  const converted: RequestTools = {};
  if (tools !== undefined && tools !== null) {
    converted.tools = readRequestField.array(tools, 'tools').map((item, index) => convertTool(item, `tools[${index}]`, keepCacheControl));
  }
  if (toolChoice !== undefined && toolChoice !== null) {
    const choice = readRequestField.record(toolChoice, 'tool_choice');
    converted.tool_choice = convertToolChoice(choice);
    if (choice.disable_parallel_tool_use !== undefined && choice.disable_parallel_tool_use !== null) {
      const disable = readRequestField.boolean(choice.disable_parallel_tool_use, 'tool_choice.disable_parallel_tool_use');
      if (disable && choice.type !== 'none') converted.parallel_tool_calls = false;
    }
  }
  return converted;
}

function convertTool(item: unknown, field: string, keepCacheControl: boolean): Tool {
  const tool = readRequestField.record(item, field);
  if (tool.type !== undefined && tool.type !== null && tool.type !== 'custom') {
    throw invalid(`${field}.type`, `Anthropic server tool ${JSON.stringify(tool.type)} is not available through the gateway; only client tools (name, description, input_schema) are`);
  }
  const name = readRequestField.nonEmptyString(tool.name, `${field}.name`);
  const parameters = readRequestField.record(tool.input_schema, `${field}.input_schema`);
  const converted: Tool = { type: 'function', function: { name, parameters } };
  if (tool.description !== undefined && tool.description !== null) {
    converted.function.description = readRequestField.string(tool.description, `${field}.description`);
  }
  if (tool.strict !== undefined && tool.strict !== null) converted.function.strict = readRequestField.boolean(tool.strict, `${field}.strict`);
  if (keepCacheControl && tool.cache_control !== undefined && tool.cache_control !== null) {
    // The SDK's Anthropic dialect reads cache_control from the tool object itself.
    return { ...converted, cache_control: readRequestField.record(tool.cache_control, `${field}.cache_control`) } as Tool;
  }
  return converted;
}

function convertToolChoice(choice: Record<string, unknown>): ToolChoice {
  switch (choice.type) {
    case 'auto':
      return 'auto';
    case 'any':
      return 'required';
    case 'none':
      return 'none';
    case 'tool':
      return { type: 'function', function: { name: readRequestField.nonEmptyString(choice.name, 'tool_choice.name') } };
    default:
      throw invalid('tool_choice.type', `must be "auto", "any", "tool" or "none", not ${JSON.stringify(choice.type)}`);
  }
}
