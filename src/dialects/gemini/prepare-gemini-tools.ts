import type { FunctionCallChoice, ToolChoice } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import { convertJsonSchemaToGemini } from './convert-json-schema-to-gemini.js';
import { describeDroppedKeywords } from './describe-dropped-keywords.js';
import type { GeminiFunctionDeclaration, GeminiTool, GeminiToolConfig } from './gemini-wire-types.js';
import type { OpenAiToolsInput } from '../shared/openai-tools-input.js';

/** Legacy `functions` / `function_call` are used when `tools` is absent. */
export interface PrepareGeminiToolsInput extends OpenAiToolsInput {
  readonly provider: string;
}

export interface PreparedGeminiTools {
  readonly tools: GeminiTool[] | undefined;
  readonly toolConfig: GeminiToolConfig | undefined;
  readonly warnings: string[];
}

/**
 * OpenAI `tools` as one Gemini tool of `functionDeclarations` (parameters converted to Gemini's
 * schema subset), and `tool_choice` as `toolConfig.functionCallingConfig`: none -> NONE,
 * auto -> AUTO, required -> ANY, a named function -> ANY restricted to that name.
 */
export function prepareGeminiTools(input: PrepareGeminiToolsInput): PreparedGeminiTools {
  const warnings: string[] = [];
  const legacy = input.tools === undefined && input.functions !== undefined;
  const field = legacy ? 'functions' : 'tools';
  const definitions = legacy
    ? (input.functions ?? []).map((definition) => ({ type: 'function' as const, function: definition }))
    : (input.tools ?? []);
  const choice: ToolChoice | undefined = legacy ? convertFunctionCall(input.functionCall) : input.toolChoice;

  const declarations: GeminiFunctionDeclaration[] = definitions.map((tool, index) => {
    if (tool.type !== 'function' || tool.function === undefined) {
      throw new BadRequestError(`${input.provider}: ${field}[${index}] has type "${String(tool.type)}"; Gemini accepts only function tools`, {
        provider: input.provider,
      });
    }
    const definition = tool.function;
    const path = legacy ? `functions[${index}]` : `tools[${index}].function`;
    const declaration: GeminiFunctionDeclaration = { name: definition.name };
    if (definition.description !== undefined) declaration.description = definition.description;
    if (definition.parameters !== undefined && isEmptyObjectSchema(definition.parameters)) {
      const extra = definition.parameters.additionalProperties;
      if (extra !== undefined && extra !== false) {
        warnings.push(`${path}.parameters: free-form arguments (additionalProperties) cannot be declared to Gemini; the function is declared without parameters`);
      }
    } else if (definition.parameters !== undefined) {
      const converted = convertJsonSchemaToGemini(definition.parameters);
      declaration.parameters = converted.schema;
      if (converted.dropped.length > 0) warnings.push(describeDroppedKeywords(`${path}.parameters`, converted.dropped));
    }
    if (definition.strict === true) {
      warnings.push(`${path}.strict: Gemini has no strict mode for function arguments; the schema guides but does not bind them`);
    }
    return declaration;
  });

  const toolConfig = convertToolChoice(choice, declarations, input.provider, legacy ? 'function_call' : 'tool_choice');
  return {
    tools: declarations.length === 0 ? undefined : [{ functionDeclarations: declarations }],
    toolConfig,
    warnings,
  };
}

function convertToolChoice(
  choice: ToolChoice | undefined,
  declarations: readonly GeminiFunctionDeclaration[],
  provider: string,
  field: string,
): GeminiToolConfig | undefined {
  if (choice === undefined) return undefined;
  if (typeof choice === 'string') {
    switch (choice) {
      case 'none':
        return declarations.length === 0 ? undefined : { functionCallingConfig: { mode: 'NONE' } };
      case 'auto':
        return declarations.length === 0 ? undefined : { functionCallingConfig: { mode: 'AUTO' } };
      case 'required':
        if (declarations.length === 0) {
          throw new BadRequestError(`${provider}: ${field} is "required" but no tools are given`, { provider });
        }
        return { functionCallingConfig: { mode: 'ANY' } };
      default: {
        const unknown: never = choice;
        throw new BadRequestError(`${provider}: ${field} "${String(unknown)}" is not none, auto, required or a named function`, { provider });
      }
    }
  }
  const name = choice.function?.name;
  if (!declarations.some((declaration) => declaration.name === name)) {
    throw new BadRequestError(`${provider}: ${field} names the function "${String(name)}", which is not among the tools`, { provider });
  }
  return { functionCallingConfig: { mode: 'ANY', allowedFunctionNames: [name as string] } };
}

function convertFunctionCall(choice: FunctionCallChoice | undefined): ToolChoice | undefined {
  if (choice === undefined || typeof choice === 'string') return choice;
  return { type: 'function', function: { name: choice.name } };
}

/** Gemini rejects an object schema without properties; a function without arguments omits it. */
function isEmptyObjectSchema(schema: Readonly<Record<string, unknown>>): boolean {
  const properties = schema.properties;
  const noProperties = properties === undefined || (typeof properties === 'object' && properties !== null && Object.keys(properties).length === 0);
  return (schema.type === undefined || schema.type === 'object') && noProperties && schema.anyOf === undefined && schema.$ref === undefined;
}
