/**
 * A function tool's `parameters`, or an empty object schema when it has none: OpenAI lets a tool
 * leave them out, while Anthropic, Bedrock, Cohere and Mistral require a schema. A fresh object each
 * time, so no caller can change another's.
 */
export function toolParametersOrEmpty<T extends object>(parameters: T | undefined): T | { type: 'object'; properties: Record<string, never> } {
  return parameters ?? { type: 'object', properties: {} };
}
