import type { FunctionCallChoice, FunctionDefinition, Tool, ToolChoice } from '../../../generated/types/index.js';

/** The tool fields of an OpenAI chat request, as the dialects' tool preparations take them. */
export interface OpenAiToolsInput {
  readonly tools?: readonly Tool[] | undefined;
  readonly toolChoice?: ToolChoice | undefined;
  /** Legacy `functions` / `function_call`, treated as tools. */
  readonly functions?: readonly FunctionDefinition[] | undefined;
  readonly functionCall?: FunctionCallChoice | undefined;
}
