import type { Tool, ToolChoice } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import type { CohereTool, CohereToolChoice } from './cohere-wire-types.js';
import { toolParametersOrEmpty } from '../shared/tool-parameters-or-empty.js';

export interface PreparedCohereTools {
  readonly tools: CohereTool[] | undefined;
  readonly toolChoice: CohereToolChoice | undefined;
  readonly strictTools: boolean | undefined;
  readonly warnings: string[];
}

/**
 * OpenAI tools and tool_choice as Cohere v2's. The tool shape is the same; tool_choice has only
 * `REQUIRED` and `NONE` (leaving it out is auto). A named function cannot be forced natively, so
 * only that function is sent, with `REQUIRED`: the model must call a tool and has one to call.
 */
export function prepareCohereTools(
  tools: readonly Tool[] | undefined,
  toolChoice: ToolChoice | undefined,
  providerId: string,
): PreparedCohereTools {
  const warnings: string[] = [];
  if (tools === undefined || tools.length === 0) {
    if (toolChoice !== undefined && toolChoice !== 'none' && toolChoice !== 'auto') {
      throw new BadRequestError(`${providerId}: tool_choice ${JSON.stringify(toolChoice)} needs tools, and none were given`, {
        provider: providerId,
      });
    }
    return { tools: undefined, toolChoice: undefined, strictTools: undefined, warnings };
  }

  let converted = tools.map((tool, index): CohereTool => {
    if (tool.type !== 'function') {
      throw new BadRequestError(`${providerId}: tools[${index}].type ${JSON.stringify(tool.type)} is not supported; Cohere takes function tools`, {
        provider: providerId,
      });
    }
    const { name, description, parameters } = tool.function;
    return {
      type: 'function',
      function: {
        name,
        ...(description === undefined ? {} : { description }),
        parameters: toolParametersOrEmpty(parameters),
      },
    };
  });

  // Cohere's strictness is one switch for all tools, where OpenAI sets it per function.
  const strictCount = tools.filter((tool) => tool.function.strict === true).length;
  let strictTools: boolean | undefined;
  if (strictCount > 0) {
    strictTools = true;
    if (strictCount < tools.length) {
      warnings.push('"strict" applies to every tool on Cohere (strict_tools); it was set for some tools only, so all are strict');
    }
  }

  let cohereChoice: CohereToolChoice | undefined;
  if (toolChoice === undefined || toolChoice === 'auto') {
    cohereChoice = undefined;
  } else if (toolChoice === 'none') {
    cohereChoice = 'NONE';
  } else if (toolChoice === 'required') {
    cohereChoice = 'REQUIRED';
  } else if (toolChoice.type === 'function') {
    const name = toolChoice.function.name;
    converted = converted.filter((tool) => tool.function.name === name);
    if (converted.length === 0) {
      throw new BadRequestError(`${providerId}: tool_choice names the function "${name}", which is not in tools`, { provider: providerId });
    }
    cohereChoice = 'REQUIRED';
    if (tools.length > 1) {
      warnings.push(`tool_choice "${name}": Cohere cannot force one named tool, so only "${name}" was sent, with tool_choice REQUIRED`);
    }
  } else {
    const unknown: never = toolChoice.type;
    throw new BadRequestError(`${providerId}: tool_choice has an unknown type ${JSON.stringify(unknown)}`, { provider: providerId });
  }
  return { tools: converted, toolChoice: cohereChoice, strictTools, warnings };
}
