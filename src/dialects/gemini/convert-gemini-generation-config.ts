import type { ChatCompletionRequest } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import { convertJsonSchemaToGemini } from './convert-json-schema-to-gemini.js';
import { describeDroppedKeywords } from './describe-dropped-keywords.js';
import type { GeminiGenerationConfig } from './gemini-wire-types.js';
import { mapGeminiReasoningEffort } from './map-gemini-reasoning-effort.js';

export interface ConvertedGenerationConfig {
  readonly generationConfig: GeminiGenerationConfig | undefined;
  readonly warnings: string[];
}

/**
 * Sampling and output settings as `generationConfig`. Structured output is native: json_schema
 * becomes `responseMimeType: application/json` with the schema converted to `responseSchema`,
 * json_object only the MIME type. Gemini needs no max-token default.
 */
export function convertGeminiGenerationConfig(request: ChatCompletionRequest, model: string, provider: string): ConvertedGenerationConfig {
  const warnings: string[] = [];
  const config: GeminiGenerationConfig = {};

  if (request.stop !== undefined && request.stop !== null) {
    const stops = typeof request.stop === 'string' ? [request.stop] : request.stop;
    if (stops.length > 0) config.stopSequences = [...stops];
  }
  if (request.temperature !== undefined) config.temperature = request.temperature;
  if (request.top_p !== undefined) config.topP = request.top_p;
  const maxTokens = request.max_completion_tokens ?? request.max_tokens;
  if (maxTokens !== undefined) config.maxOutputTokens = maxTokens;
  if (request.max_completion_tokens !== undefined && request.max_tokens !== undefined && request.max_tokens !== request.max_completion_tokens) {
    warnings.push('max_tokens: max_completion_tokens was also given and is the one sent as maxOutputTokens');
  }
  if (request.n !== undefined) config.candidateCount = request.n;
  if (request.seed !== undefined) config.seed = request.seed;
  if (request.presence_penalty !== undefined) config.presencePenalty = request.presence_penalty;
  if (request.frequency_penalty !== undefined) config.frequencyPenalty = request.frequency_penalty;
  if (request.logprobs === true) {
    config.responseLogprobs = true;
    if (request.top_logprobs !== undefined) config.logprobs = request.top_logprobs;
  } else if (request.top_logprobs !== undefined) {
    warnings.push('top_logprobs: ignored without logprobs: true');
  }

  const format = request.response_format;
  if (format !== undefined && format !== null) {
    switch (format.type) {
      case 'text':
        break;
      case 'json_object':
        config.responseMimeType = 'application/json';
        break;
      case 'json_schema': {
        config.responseMimeType = 'application/json';
        const schema = format.json_schema?.schema;
        if (schema !== undefined) {
          const converted = convertJsonSchemaToGemini(schema);
          config.responseSchema = converted.schema;
          if (converted.dropped.length > 0) warnings.push(describeDroppedKeywords('response_format.json_schema.schema', converted.dropped));
        }
        break;
      }
      default: {
        const unknown: never = format;
        throw new BadRequestError(`${provider}: response_format.type "${String((unknown as { type?: unknown }).type)}" is not text, json_object or json_schema`, {
          provider,
        });
      }
    }
  }

  if (request.reasoning_effort !== undefined && request.reasoning_effort !== null) {
    const thinking = mapGeminiReasoningEffort(request.reasoning_effort, model);
    if (thinking.thinkingConfig !== undefined) config.thinkingConfig = thinking.thinkingConfig;
    if (thinking.warning !== undefined) warnings.push(thinking.warning);
  }

  return { generationConfig: Object.keys(config).length === 0 ? undefined : config, warnings };
}
