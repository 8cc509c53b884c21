import type { ChatCompletionRequest } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import type { BedrockToolChoice, BedrockToolConfig, BedrockToolSpec } from './bedrock-wire-types.js';
import { RESPONSE_FORMAT_TOOL_NAME } from './response-format-tool.js';
import { toolParametersOrEmpty } from '../shared/tool-parameters-or-empty.js';

export interface PrepareBedrockToolsInput {
  readonly tools: ChatCompletionRequest['tools'];
  readonly toolChoice: ChatCompletionRequest['tool_choice'];
  readonly responseFormat: ChatCompletionRequest['response_format'];
  readonly parallelToolCalls: boolean | undefined;
  /** The conversation already holds toolUse/toolResult blocks: Converse then requires a toolConfig. */
  readonly hasToolHistory: boolean;
  /** Extended thinking is on: Anthropic models then refuse a forced tool choice. */
  readonly thinking: boolean;
}

export interface PreparedBedrockTools {
  readonly toolConfig: BedrockToolConfig | undefined;
  readonly warnings: string[];
}

/**
 * OpenAI `tools`, `tool_choice` and `response_format` as a Converse `toolConfig`.
 * `none` has no Converse form: the tools are left out (kept, unforced, when earlier turns used
 * tools, since Converse then insists on a toolConfig). `response_format` json_schema / json_object
 * is emulated with a forced tool whose input is the answer (see response-format-tool.ts).
 */
export function prepareBedrockTools(input: PrepareBedrockToolsInput): PreparedBedrockTools {
  const warnings: string[] = [];
  const tools: BedrockToolSpec[] = (input.tools ?? []).map((tool, index) => {
    if (tool.function.name === RESPONSE_FORMAT_TOOL_NAME) {
      throw new BadRequestError(`tools[${index}].function.name: "${RESPONSE_FORMAT_TOOL_NAME}" is reserved for response_format on Bedrock`);
    }
    if (tool.function.strict === true) warnings.push(`tools[${index}].function.strict is not supported by Bedrock and was ignored`);
    return {
      toolSpec: {
        name: tool.function.name,
        ...(tool.function.description === undefined ? {} : { description: tool.function.description }),
        inputSchema: { json: toolParametersOrEmpty(tool.function.parameters) },
      },
    };
  });
  let choice = mapToolChoice(input.toolChoice, tools);
  if (input.parallelToolCalls === false) warnings.push('parallel_tool_calls=false cannot be expressed in Converse and was ignored');

  if (input.toolChoice === 'none') {
    if (input.hasToolHistory && tools.length > 0) {
      warnings.push('tool_choice "none" has no Converse form; the tools stay available because earlier turns used them');
    } else {
      if (tools.length > 0) warnings.push('tool_choice "none" has no Converse form; the tools were left out of the request');
      tools.length = 0;
    }
    choice = undefined;
  }

  const format = input.responseFormat;
  if (format !== undefined && format.type !== 'text') {
    const schema = format.type === 'json_schema' ? (format.json_schema.schema ?? { type: 'object' }) : { type: 'object' };
    const description =
      format.type === 'json_schema'
        ? (format.json_schema.description ?? `Give the answer as JSON matching the "${format.json_schema.name}" schema.`)
        : 'Give the answer as a JSON object.';
    const userTools = tools.length;
    tools.push({ toolSpec: { name: RESPONSE_FORMAT_TOOL_NAME, description, inputSchema: { json: schema } } });
    if (input.thinking) {
      warnings.push('response_format with reasoning: Anthropic models refuse a forced tool while thinking, so the JSON answer tool is offered but not forced');
      choice = { auto: {} };
    } else if (userTools === 0) {
      choice = { tool: { name: RESPONSE_FORMAT_TOOL_NAME } };
    } else if (choice === undefined || 'auto' in choice) {
      // With tools of its own the model must still either call one or answer through the JSON tool.
      choice = { any: {} };
    }
  }

  if (input.thinking && choice !== undefined && !('auto' in choice)) {
    warnings.push('tool_choice forcing a tool is refused by Anthropic models while thinking; sent as "auto"');
    choice = { auto: {} };
  }
  if (tools.length === 0) return { toolConfig: undefined, warnings };
  return { toolConfig: choice === undefined ? { tools } : { tools, toolChoice: choice }, warnings };
}

function mapToolChoice(choice: ChatCompletionRequest['tool_choice'], tools: readonly BedrockToolSpec[]): BedrockToolChoice | undefined {
  if (choice === undefined || choice === 'none') return undefined;
  if (choice === 'auto') return { auto: {} };
  if (choice === 'required') return { any: {} };
  const name = choice.function.name;
  if (!tools.some((tool) => tool.toolSpec.name === name)) {
    throw new BadRequestError(`tool_choice names "${name}", which is not in tools`);
  }
  return { tool: { name } };
}
