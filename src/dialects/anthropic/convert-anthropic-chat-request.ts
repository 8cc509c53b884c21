import type { ChatCompletionRequest } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { WireRequest } from '../dialect.js';
import type { AnthropicThinkingConfig } from './anthropic-wire-types.js';
import { createConversionNotes } from './conversion-notes.js';
import { convertAnthropicMessages } from './convert-anthropic-messages.js';
import { convertAnthropicThinking } from './convert-anthropic-thinking.js';
import { createAnthropicBetaHeader } from './create-anthropic-beta-header.js';
import { prepareAnthropicTools } from './prepare-anthropic-tools.js';
import { isDefaultedParam } from '../shared/with-registry-quirks.js';
import { findModelOutputLimit } from '../../catalog/find-model-output-limit.js';

/**
 * Anthropic requires `max_tokens`. When the caller sets none it is the model's output limit from
 * the model catalogue, else the registry entry's `defaultParams`, else this (a custom provider's
 * unknown model).
 */
export const DEFAULT_MAX_TOKENS = 4096;

/**
 * How each OpenAI request field is treated. A mapped type, so a field added to the schema is a
 * compile error here until someone decides what Anthropic does with it.
 */
const REQUEST_FIELDS = {
  model: 'converted',
  messages: 'converted',
  temperature: 'converted',
  top_p: 'converted',
  n: 'converted',
  stop: 'converted',
  max_tokens: 'converted',
  max_completion_tokens: 'converted',
  user: 'converted',
  stream: 'converted',
  // Anthropic streams always report usage, so include_usage needs nothing on the wire.
  stream_options: 'converted',
  tools: 'converted',
  tool_choice: 'converted',
  parallel_tool_calls: 'converted',
  response_format: 'converted',
  reasoning_effort: 'converted',
  modalities: 'converted',
  service_tier: 'converted',
  functions: 'converted',
  function_call: 'converted',
  extra_body: 'converted',
  presence_penalty: 'unsupported',
  frequency_penalty: 'unsupported',
  logit_bias: 'unsupported',
  logprobs: 'unsupported',
  top_logprobs: 'unsupported',
  seed: 'unsupported',
  audio: 'unsupported',
  prediction: 'unsupported',
  store: 'unsupported',
  // OpenAI's metadata is free-form tags; Anthropic's holds only user_id, which comes from `user`.
  metadata: 'unsupported',
} as const satisfies Record<keyof ChatCompletionRequest, 'converted' | 'unsupported'>;

/**
 * An OpenAI-shaped chat request as a `POST /v1/messages` body. Every field is converted, or
 * reported in `warnings` when Anthropic has no equivalent; `extra_body` is merged last, as-is (for
 * `top_k`, `cache_control`-carrying `system` blocks, native `thinking`, and anything newer).
 */
export function convertAnthropicChatRequest(request: ChatCompletionRequest, route: ResolvedRoute, stream: boolean): WireRequest {
  const notes = createConversionNotes();
  reportUnsupportedFields(request, notes.warnings);

  const { system, messages } = convertAnthropicMessages(request.messages, notes);
  const body: Record<string, unknown> = { model: route.model };

  // A max_tokens from the registry's defaultParams is a default, not the caller's limit.
  const defaultedMaxTokens = isDefaultedParam(request, 'max_tokens');
  const callerMaxTokens = defaultedMaxTokens ? undefined : request.max_tokens;
  const givenMaxTokens = request.max_completion_tokens ?? callerMaxTokens;
  if (request.max_completion_tokens !== undefined && callerMaxTokens !== undefined && request.max_completion_tokens !== callerMaxTokens) {
    notes.warnings.push(`dropped "max_tokens": "max_completion_tokens" was also given and is used as Anthropic's max_tokens`);
  }
  const modelLimit = givenMaxTokens === undefined ? findModelOutputLimit(route.provider.id, route.model) : undefined;
  let maxTokens =
    givenMaxTokens ?? modelLimit ?? (defaultedMaxTokens && typeof request.max_tokens === 'number' ? request.max_tokens : DEFAULT_MAX_TOKENS);
  let thinking: AnthropicThinkingConfig | undefined;
  if (request.reasoning_effort !== undefined) {
    const converted = convertAnthropicThinking({
      effort: request.reasoning_effort,
      maxTokens,
      maxTokensGiven: givenMaxTokens !== undefined,
      ...(modelLimit === undefined ? {} : { modelLimit }),
    });
    thinking = converted.thinking;
    maxTokens = converted.maxTokens;
    notes.warnings.push(...converted.warnings);
  }
  body.max_tokens = maxTokens;
  if (system.length > 0) body.system = system;
  body.messages = messages;

  if (thinking !== undefined) body.thinking = thinking;
  // Thinking set natively through extra_body counts too: it replaces ours on the wire.
  const thinkingType = (request.extra_body?.thinking as { type?: unknown } | undefined)?.type ?? thinking?.type;
  const thinkingOn = thinkingType !== undefined && thinkingType !== 'disabled';
  convertSampling(request, body, thinkingOn, notes.warnings);

  const tools = prepareAnthropicTools({
    tools: request.tools,
    toolChoice: request.tool_choice,
    parallelToolCalls: request.parallel_tool_calls,
    functions: request.functions,
    functionCall: request.function_call,
    responseFormat: request.response_format,
    thinking: thinkingOn,
  });
  notes.warnings.push(...tools.warnings);
  if (tools.tools !== undefined) body.tools = tools.tools;
  if (tools.toolChoice !== undefined) body.tool_choice = tools.toolChoice;

  if (request.user !== undefined && request.user !== '') body.metadata = { user_id: request.user };
  convertServiceTier(request, body, notes.warnings);
  if (stream) body.stream = true;

  if (request.extra_body !== undefined && request.extra_body !== null && typeof request.extra_body === 'object') {
    Object.assign(body, request.extra_body);
  }

  const headers = createAnthropicBetaHeader(route, notes.betas);
  return {
    endpoint: 'chat',
    method: 'POST',
    path: route.provider.definition.endpoints.chat?.path ?? '/v1/messages',
    body,
    ...(headers === undefined ? {} : { headers }),
    warnings: notes.warnings,
  };
}

function reportUnsupportedFields(request: ChatCompletionRequest, warnings: string[]): void {
  for (const [name, value] of Object.entries(request)) {
    if (value === undefined || value === null) continue;
    const treatment = (REQUEST_FIELDS as Record<string, string | undefined>)[name];
    if (treatment === undefined) {
      warnings.push(`dropped "${name}": not an OpenAI chat parameter; pass provider-specific parameters in extra_body`);
    } else if (treatment === 'unsupported' && value !== false) {
      warnings.push(`dropped "${name}": the Anthropic Messages API has no equivalent`);
    }
  }
  if (request.n !== undefined && request.n !== 1) warnings.push(`dropped "n": Anthropic generates one choice per request`);
  if (request.modalities?.some((modality) => modality !== 'text')) {
    warnings.push(`dropped "modalities": Anthropic answers in text only`);
  }
}

function convertSampling(request: ChatCompletionRequest, body: Record<string, unknown>, thinkingOn: boolean, warnings: string[]): void {
  if (thinkingOn) {
    // Anthropic rejects sampling changes while extended thinking is on.
    if (request.temperature !== undefined) warnings.push(`dropped "temperature": Anthropic does not allow it with extended thinking`);
    if (request.top_p !== undefined) warnings.push(`dropped "top_p": Anthropic does not allow it with extended thinking`);
  } else {
    if (request.temperature !== undefined) {
      // OpenAI's range is 0-2, Anthropic's 0-1.
      if (request.temperature > 1) warnings.push(`changed "temperature" from ${request.temperature} to 1: Anthropic's maximum`);
      body.temperature = Math.min(request.temperature, 1);
    }
    if (request.top_p !== undefined) body.top_p = request.top_p;
  }
  if (request.stop !== undefined && request.stop !== null) {
    const sequences = typeof request.stop === 'string' ? [request.stop] : request.stop;
    if (!Array.isArray(sequences)) throw new BadRequestError('stop must be a string or an array of strings');
    if (sequences.length > 0) body.stop_sequences = sequences;
  }
}

function convertServiceTier(request: ChatCompletionRequest, body: Record<string, unknown>, warnings: string[]): void {
  const tier = request.service_tier;
  if (tier === undefined) return;
  if (tier === 'auto') body.service_tier = 'auto';
  else if (tier === 'default') body.service_tier = 'standard_only';
  else warnings.push(`dropped "service_tier": Anthropic has no "${tier}" tier (only auto and standard_only)`);
}
