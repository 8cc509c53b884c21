import type { TracingAttributeValue } from './tracing-types.js';

/** Request parameters -> `gen_ai.request.*` attributes (numbers and stop sequences only; never content). */
const NUMERIC_PARAMETERS: ReadonlyArray<readonly [string, string]> = [
  ['temperature', 'gen_ai.request.temperature'],
  ['top_p', 'gen_ai.request.top_p'],
  ['top_k', 'gen_ai.request.top_k'],
  ['max_tokens', 'gen_ai.request.max_tokens'],
  ['max_completion_tokens', 'gen_ai.request.max_tokens'],
  ['max_output_tokens', 'gen_ai.request.max_tokens'],
  ['frequency_penalty', 'gen_ai.request.frequency_penalty'],
  ['presence_penalty', 'gen_ai.request.presence_penalty'],
  ['seed', 'gen_ai.request.seed'],
  ['n', 'gen_ai.request.choice.count'],
];

export function readRequestAttributes(request: unknown): Record<string, TracingAttributeValue> {
  const attributes: Record<string, TracingAttributeValue> = {};
  if (request === null || typeof request !== 'object') return attributes;
  const record = request as Record<string, unknown>;
  for (const [parameter, attribute] of NUMERIC_PARAMETERS) {
    const value = record[parameter];
    if (typeof value === 'number' && Number.isFinite(value)) attributes[attribute] = value;
  }
  const stop = typeof record.stop === 'string' ? [record.stop] : record.stop;
  if (Array.isArray(stop) && stop.every((item) => typeof item === 'string')) attributes['gen_ai.request.stop_sequences'] = stop as string[];
  if (typeof record.encoding_format === 'string') attributes['gen_ai.request.encoding_formats'] = [record.encoding_format];
  return attributes;
}
