/** Model vendors on Bedrock, the first segment of a foundation-model id (`anthropic.claude-...`). */
const VENDORS = new Set([
  'ai21', 'amazon', 'anthropic', 'cohere', 'deepseek', 'google', 'luma', 'meta', 'minimax', 'mistral',
  'moonshot', 'moonshotai', 'nvidia', 'openai', 'qwen', 'stability', 'twelvelabs', 'writer',
]);

export interface BedrockModelId {
  /** `anthropic`, `amazon`, `cohere`, ...; empty when the id does not say (a provisioned-throughput ARN). */
  readonly vendor: string;
  /** The id without vendor, region prefix or ARN: `claude-3-5-sonnet-20240620-v1:0`. */
  readonly name: string;
}

/**
 * The vendor and model name behind a Bedrock model id, which may carry a cross-region inference
 * prefix (`us.`, `eu.`, `apac.`, `global.`) or be an inference-profile ARN.
 */
export function parseBedrockModelId(model: string): BedrockModelId {
  const id = model.startsWith('arn:') ? (model.split('/').pop() ?? '') : model;
  const segments = id.split('.');
  const start = VENDORS.has(segments[0] ?? '') ? 0 : VENDORS.has(segments[1] ?? '') ? 1 : -1;
  if (start === -1) return { vendor: '', name: id };
  return { vendor: segments[start] ?? '', name: segments.slice(start + 1).join('.') };
}
