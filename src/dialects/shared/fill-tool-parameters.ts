import { toolParametersOrEmpty } from './tool-parameters-or-empty.js';

/**
 * The request's `tools` with an empty object schema wherever a function tool has no `parameters`
 * (registry quirk `requireToolParameters`: Mistral rejects such a tool); the request's own
 * objects are left unchanged.
 */
export function fillToolParameters(tools: unknown): unknown {
  if (!Array.isArray(tools)) return tools;
  return tools.map((tool: unknown) => {
    if (tool === null || typeof tool !== 'object') return tool;
    const definition = (tool as { function?: unknown }).function;
    if (definition === null || typeof definition !== 'object' || (definition as { parameters?: unknown }).parameters !== undefined) return tool;
    return { ...tool, function: { ...definition, parameters: toolParametersOrEmpty(undefined) } };
  });
}
