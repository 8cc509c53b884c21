import type { ChatCompletionRequest } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { WireRequest } from '../dialect.js';
import { bedrockEndpointPath } from './bedrock-endpoint-path.js';
import type { BedrockConverseRequest, BedrockInferenceConfig } from './bedrock-wire-types.js';
import { createConversionNotes } from './conversion-notes.js';
import { convertBedrockMessages } from './convert-bedrock-messages.js';
import { convertBedrockReasoning } from './convert-bedrock-reasoning.js';
import { mergeBedrockExtraBody } from './merge-bedrock-extra-body.js';
import { parseBedrockModelId, type BedrockModelId } from './parse-bedrock-model-id.js';
import { findModelOutputLimit } from '../../catalog/find-model-output-limit.js';
import { prepareBedrockTools } from './prepare-bedrock-tools.js';

/** The media type of AWS event streams, which ConverseStream answers with. */
export const EVENT_STREAM_MEDIA_TYPE = 'application/vnd.amazon.eventstream';

/** OpenAI parameters Converse has no place for; each one given is reported, never sent. */
const UNSUPPORTED = [
  'presence_penalty',
  'frequency_penalty',
  'logit_bias',
  'logprobs',
  'top_logprobs',
  'seed',
  'user',
  'modalities',
  'audio',
  'prediction',
  'store',
] as const;

/** Converse's service tiers; OpenAI's `auto` means "let the provider decide", i.e. send nothing. */
const SERVICE_TIERS = new Set(['default', 'flex', 'priority']);

/**
 * An OpenAI chat request as a Converse (or ConverseStream) request. The model id is not in the
 * body: it is the `{model}` of the path, which the core fills URL-encoded.
 */
export function convertBedrockChatRequest(request: ChatCompletionRequest, route: ResolvedRoute, stream: boolean): WireRequest {
  const notes = createConversionNotes();
  const warnings = notes.warnings;
  if (request.functions !== undefined || request.function_call !== undefined) {
    throw new BadRequestError('functions / function_call (legacy) are not supported by Bedrock; use tools and tool_choice');
  }
  if (request.n !== undefined && request.n !== 1) {
    throw new BadRequestError(`n=${request.n}: Bedrock returns one choice per request`);
  }
  const { system, messages } = convertBedrockMessages(request.messages, notes);

  const modelId = parseBedrockModelId(route.model);
  const maxTokens = request.max_completion_tokens ?? request.max_tokens ?? anthropicOutputLimit(route, modelId);
  const reasoning = convertBedrockReasoning(request.reasoning_effort, modelId, maxTokens);
  warnings.push(...reasoning.warnings);

  const inferenceConfig: BedrockInferenceConfig = {};
  if (reasoning.maxTokens !== undefined) inferenceConfig.maxTokens = reasoning.maxTokens;
  if (reasoning.thinking && (request.temperature !== undefined || request.top_p !== undefined)) {
    warnings.push('temperature and top_p were dropped: Anthropic models refuse them while thinking');
  } else {
    if (request.temperature !== undefined) inferenceConfig.temperature = request.temperature;
    if (request.top_p !== undefined) inferenceConfig.topP = request.top_p;
  }
  if (request.stop !== undefined) inferenceConfig.stopSequences = typeof request.stop === 'string' ? [request.stop] : [...request.stop];

  const hasToolHistory = messages.some((message) => message.content.some((block) => 'toolUse' in block || 'toolResult' in block));
  const tools = prepareBedrockTools({
    tools: request.tools,
    toolChoice: request.tool_choice,
    responseFormat: request.response_format,
    parallelToolCalls: request.parallel_tool_calls,
    hasToolHistory,
    thinking: reasoning.thinking,
  });
  warnings.push(...tools.warnings);

  const body: BedrockConverseRequest = { messages };
  if (system.length > 0) body.system = system;
  if (Object.keys(inferenceConfig).length > 0) body.inferenceConfig = inferenceConfig;
  if (tools.toolConfig !== undefined) body.toolConfig = tools.toolConfig;
  if (Object.keys(reasoning.fields).length > 0) body.additionalModelRequestFields = { ...reasoning.fields };
  if (request.metadata !== undefined) body.requestMetadata = Object.fromEntries(Object.entries(request.metadata).filter(isStringEntry));
  if (request.service_tier !== undefined && request.service_tier !== 'auto') {
    if (SERVICE_TIERS.has(request.service_tier)) body.serviceTier = { type: request.service_tier };
    else warnings.push(`service_tier "${request.service_tier}" does not exist on Bedrock and was dropped`);
  }
  for (const name of UNSUPPORTED) {
    if (request[name] !== undefined) warnings.push(`${name} is not supported by Bedrock's Converse API and was dropped`);
  }
  mergeBedrockExtraBody(body, request.extra_body);

  return {
    endpoint: 'chat',
    method: 'POST',
    path: bedrockEndpointPath(route, 'chat', stream),
    body,
    ...(stream ? { headers: { accept: EVENT_STREAM_MEDIA_TYPE } } : {}),
    warnings,
  };
}

/**
 * An Anthropic model's default max tokens, as on Anthropic's own API: its output limit from the
 * model catalogue (the id as given, e.g. cross-region, else the plain one); undefined when unknown,
 * which leaves it to Converse.
 */
function anthropicOutputLimit(route: ResolvedRoute, model: BedrockModelId): number | undefined {
  if (model.vendor !== 'anthropic') return undefined;
  return findModelOutputLimit(route.provider.id, route.model) ?? findModelOutputLimit(route.provider.id, `anthropic.${model.name}`);
}

function isStringEntry(entry: [string, string | undefined]): entry is [string, string] {
  return typeof entry[1] === 'string';
}
