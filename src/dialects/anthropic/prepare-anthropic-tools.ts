import type { FunctionCallChoice, FunctionDefinition, ResponseFormat, ToolChoice } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import type { AnthropicTool, AnthropicToolChoice } from './anthropic-wire-types.js';
import { readCacheControl } from './convert-anthropic-content-part.js';
import { JSON_RESPONSE_TOOL_NAME } from './json-response-tool.js';
import { toolParametersOrEmpty } from '../shared/tool-parameters-or-empty.js';
import type { OpenAiToolsInput } from '../shared/openai-tools-input.js';

export interface AnthropicToolsInput extends OpenAiToolsInput {
  readonly parallelToolCalls?: boolean | undefined;
  readonly responseFormat?: ResponseFormat | undefined;
  /** Extended thinking forbids forcing a tool (`any` or `tool`). */
  readonly thinking: boolean;
}

export interface AnthropicTools {
  readonly tools: AnthropicTool[] | undefined;
  readonly toolChoice: AnthropicToolChoice | undefined;
  readonly warnings: string[];
}

/**
 * OpenAI tools, tool_choice, parallel_tool_calls and response_format as Anthropic `tools` and
 * `tool_choice`: `auto` -> auto, `required` -> any, a named function -> tool, `none` -> none,
 * `parallel_tool_calls: false` -> `disable_parallel_tool_use`. JSON output is emulated with the
 * forced `json_response` tool (see json-response-tool.ts).
 */
export function prepareAnthropicTools(input: AnthropicToolsInput): AnthropicTools {
  const warnings: string[] = [];
  const definitions: Array<{ definition: FunctionDefinition; source: unknown; field: string }> = [];
  (input.tools ?? []).forEach((tool, index) => {
    if (tool.type !== 'function') throw new BadRequestError(`tools[${index}].type: Anthropic takes only function tools`);
    definitions.push({ definition: tool.function, source: tool, field: `tools[${index}]` });
  });
  (input.functions ?? []).forEach((definition, index) => definitions.push({ definition, source: definition, field: `functions[${index}]` }));

  const tools = definitions.map(({ definition, source, field }): AnthropicTool => {
    if (definition.strict === true) {
      warnings.push(`${field}.function.strict is not enforced: the Anthropic Messages API has no strict tool schemas`);
    }
    const tool: AnthropicTool = { name: definition.name, input_schema: toolParametersOrEmpty(definition.parameters) };
    if (definition.description !== undefined) tool.description = definition.description;
    const cacheControl = readCacheControl(source);
    if (cacheControl !== undefined) tool.cache_control = cacheControl;
    return tool;
  });

  let toolChoice = convertToolChoice(input.toolChoice ?? convertFunctionCall(input.functionCall));
  if (toolChoice !== undefined && tools.length === 0 && input.responseFormat?.type !== 'json_schema' && input.responseFormat?.type !== 'json_object') {
    warnings.push('dropped "tool_choice": no tools were given');
    toolChoice = undefined;
  }

  const jsonTool = createJsonTool(input.responseFormat);
  let forcedJson = false;
  if (input.responseFormat?.type === 'json_schema' && input.responseFormat.json_schema.strict === true) {
    warnings.push(`response_format.json_schema.strict is not enforced: Anthropic fills the "${JSON_RESPONSE_TOOL_NAME}" tool input without strict validation`);
  }
  if (jsonTool !== undefined) {
    if (tools.some((tool) => tool.name === JSON_RESPONSE_TOOL_NAME)) {
      throw new BadRequestError(`tools: the name "${JSON_RESPONSE_TOOL_NAME}" is reserved for response_format on Anthropic`);
    }
    const userTools = tools.length;
    tools.push(jsonTool);
    if (input.thinking) {
      warnings.push(
        `response_format is emulated with the "${JSON_RESPONSE_TOOL_NAME}" tool, which extended thinking does not allow forcing; the model may answer in plain text`,
      );
      if (toolChoice?.type === 'none') toolChoice = undefined;
    } else if (userTools === 0 || toolChoice === undefined || toolChoice.type === 'none' || toolChoice.type === 'auto') {
      // With tools of its own the model must still call one of them or answer through the JSON tool.
      toolChoice = userTools === 0 || toolChoice?.type === 'none' ? { type: 'tool', name: JSON_RESPONSE_TOOL_NAME } : { type: 'any' };
      forcedJson = toolChoice.type === 'tool';
    } else if (toolChoice.type === 'tool') {
      warnings.push(`tool_choice forces "${toolChoice.name}", so this turn cannot answer through response_format`);
    }
  }

  if (input.thinking && toolChoice !== undefined && (toolChoice.type === 'any' || toolChoice.type === 'tool')) {
    warnings.push(`changed "tool_choice" to auto: extended thinking does not allow forcing tool use`);
    toolChoice = { type: 'auto' };
  }

  if ((input.parallelToolCalls === false || forcedJson) && tools.length > 0) {
    toolChoice ??= { type: 'auto' };
    if (toolChoice.type !== 'none') toolChoice = { ...toolChoice, disable_parallel_tool_use: true };
  }
  return { tools: tools.length > 0 ? tools : undefined, toolChoice, warnings };
}

function convertToolChoice(choice: ToolChoice | undefined): AnthropicToolChoice | undefined {
  if (choice === undefined) return undefined;
  if (typeof choice === 'string') {
    switch (choice) {
      case 'auto':
        return { type: 'auto' };
      case 'required':
        return { type: 'any' };
      case 'none':
        return { type: 'none' };
      default: {
        const unknown: never = choice;
        throw new BadRequestError(`tool_choice: unknown mode ${JSON.stringify(unknown)}`);
      }
    }
  }
  if (choice.type !== 'function' || typeof choice.function?.name !== 'string') {
    throw new BadRequestError('tool_choice must be "none", "auto", "required" or { type: "function", function: { name } }');
  }
  return { type: 'tool', name: choice.function.name };
}

function convertFunctionCall(choice: FunctionCallChoice | undefined): ToolChoice | undefined {
  if (choice === undefined) return undefined;
  if (typeof choice === 'string') return choice;
  return { type: 'function', function: { name: choice.name } };
}

function createJsonTool(format: ResponseFormat | undefined): AnthropicTool | undefined {
  if (format === undefined) return undefined;
  switch (format.type) {
    case 'text':
      return undefined;
    case 'json_object':
      return {
        name: JSON_RESPONSE_TOOL_NAME,
        description: 'Respond with a JSON object.',
        input_schema: { type: 'object', additionalProperties: true },
      };
    case 'json_schema': {
      const schema = format.json_schema.schema ?? { type: 'object', additionalProperties: true };
      const description = format.json_schema.description;
      return {
        name: JSON_RESPONSE_TOOL_NAME,
        description: `Respond with a JSON object matching the "${format.json_schema.name}" schema${description ? `: ${description}` : '.'}`,
        input_schema: schema,
      };
    }
    default: {
      const unknown: never = format;
      throw new BadRequestError(`response_format.type: unknown type ${JSON.stringify((unknown as { type?: unknown }).type)}`);
    }
  }
}
