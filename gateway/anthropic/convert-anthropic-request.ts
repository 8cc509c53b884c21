import type { ChatCompletionRequest, ChatMessage, TextContentPart } from '../../src/index.js';
import { convertAnthropicRequestMessages } from './convert-anthropic-request-messages.js';
import { convertAnthropicRequestThinking } from './convert-anthropic-request-thinking.js';
import { convertAnthropicRequestTools } from './convert-anthropic-request-tools.js';
import { invalid, readRequestField } from './read-request-field.js';

export interface ConvertAnthropicRequestOptions {
  /**
   * The model routes to a provider of the SDK's Anthropic dialect. Its Anthropic-only details then
   * travel through the SDK's extension points: `cache_control` on parts, system blocks and tools,
   * thinking blocks on assistant messages (`thinking_blocks`), and `thinking`, `top_k`,
   * `output_config` and the other Anthropic-only fields unchanged in `extra_body`. Otherwise they
   * are translated (`thinking` -> `reasoning_effort`), dropped where they are only hints
   * (`cache_control`, thinking blocks of earlier turns), or rejected (fields no other provider has).
   * Default false.
   */
  readonly anthropicUpstream?: boolean;
}

/** Top-level fields only Anthropic serves; an Anthropic upstream gets them unchanged. */
const ANTHROPIC_ONLY_FIELDS = new Set(['container', 'inference_geo', 'context_management', 'mcp_servers']);

const KNOWN_FIELDS = new Set([
  'model',
  'messages',
  'max_tokens',
  'system',
  'metadata',
  'stop_sequences',
  'stream',
  'temperature',
  'top_p',
  'top_k',
  'tools',
  'tool_choice',
  'thinking',
  'service_tier',
  'output_config',
  'cache_control',
  ...ANTHROPIC_ONLY_FIELDS,
]);

/**
 * A `POST /v1/messages` body (Anthropic's Messages API) as the SDK's OpenAI-shaped chat request, so
 * that the gateway can send it to any provider; the inverse of the SDK's Anthropic dialect
 * (`convertAnthropicChatRequest`). Required fields and every value are checked as Anthropic checks
 * them, and bad input throws a `BadRequestError` naming the field (`messages[2].content[0].type:
 * unknown block type "foo"`). `model` is the name the client sent; the caller maps it to the
 * configured `provider/model`. See README.md beside this file for each decision.
 */
export function convertAnthropicRequest(body: unknown, options: ConvertAnthropicRequestOptions = {}): ChatCompletionRequest {
  const upstream = options.anthropicUpstream === true;
  const request = readRequestField.record(body, 'body');
  for (const name of Object.keys(request)) {
    if (!KNOWN_FIELDS.has(name)) throw invalid(name, 'unknown field (not part of the Anthropic Messages API the gateway serves)');
    if (ANTHROPIC_ONLY_FIELDS.has(name) && !upstream && request[name] !== undefined && request[name] !== null) {
      throw invalid(name, 'only Anthropic serves this field, and this model is not routed to Anthropic');
    }
  }
  const model = readRequestField.nonEmptyString(request.model, 'model');
  if (request.max_tokens === undefined) throw invalid('max_tokens', 'field required');
  const maxTokens = readRequestField.integer(request.max_tokens, 'max_tokens', 0);
  if (request.messages === undefined) throw invalid('messages', 'field required');

  const messages: ChatMessage[] = [...convertSystem(request.system, upstream), ...convertAnthropicRequestMessages(request.messages, { anthropicUpstream: upstream })];
  const converted: ChatCompletionRequest = { model, messages, max_tokens: maxTokens };
  const extraBody: Record<string, unknown> = {};

  if (isGiven(request.temperature)) converted.temperature = readRequestField.number(request.temperature, 'temperature', 0, 1);
  if (isGiven(request.top_p)) converted.top_p = readRequestField.number(request.top_p, 'top_p', 0, 1);
  // OpenAI's request has no top_k; it reaches every provider through extra_body, and one that has
  // no top_k answers with its own error rather than the gateway dropping the caller's setting.
  if (isGiven(request.top_k)) extraBody.top_k = readRequestField.integer(request.top_k, 'top_k', 0);
  if (isGiven(request.stop_sequences)) {
    converted.stop = readRequestField
      .array(request.stop_sequences, 'stop_sequences')
      .map((sequence, index) => readRequestField.string(sequence, `stop_sequences[${index}]`));
  }
  if (isGiven(request.stream) && readRequestField.boolean(request.stream, 'stream')) converted.stream = true;
  convertMetadata(request.metadata, converted);
  convertServiceTier(request.service_tier, converted);
  Object.assign(converted, convertAnthropicRequestTools(request.tools, request.tool_choice, upstream));

  const outputConfig = isGiven(request.output_config) ? readRequestField.record(request.output_config, 'output_config') : undefined;
  if (upstream) {
    if (isGiven(request.thinking)) extraBody.thinking = readRequestField.record(request.thinking, 'thinking');
    if (outputConfig !== undefined) extraBody.output_config = outputConfig;
    for (const name of [...ANTHROPIC_ONLY_FIELDS, 'cache_control']) if (isGiven(request[name])) extraBody[name] = request[name];
  } else {
    const effort = convertAnthropicRequestThinking(request.thinking, outputConfig?.effort, maxTokens);
    if (effort !== undefined) converted.reasoning_effort = effort;
    convertOutputFormat(outputConfig?.format, converted);
  }
  if (Object.keys(extraBody).length > 0) converted.extra_body = extraBody;
  return converted;
}

function isGiven(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** `system` (a string or text blocks) as one system message at the start. */
function convertSystem(system: unknown, keepCacheControl: boolean): ChatMessage[] {
  if (!isGiven(system)) return [];
  if (typeof system === 'string') return system === '' ? [] : [{ role: 'system', content: system }];
  const parts = readRequestField.array(system, 'system').map((item, index): TextContentPart => {
    const field = `system[${index}]`;
    const block = readRequestField.record(item, field);
    if (block.type !== 'text') throw invalid(`${field}.type`, `system blocks must be "text", not ${JSON.stringify(block.type)}`);
    const part: TextContentPart = { type: 'text', text: readRequestField.string(block.text, `${field}.text`) };
    if (keepCacheControl && isGiven(block.cache_control)) {
      return { ...part, cache_control: readRequestField.record(block.cache_control, `${field}.cache_control`) } as TextContentPart;
    }
    return part;
  });
  return parts.length === 0 ? [] : [{ role: 'system', content: parts }];
}

function convertMetadata(metadata: unknown, converted: ChatCompletionRequest): void {
  if (!isGiven(metadata)) return;
  const record = readRequestField.record(metadata, 'metadata');
  for (const name of Object.keys(record)) if (name !== 'user_id') throw invalid(`metadata.${name}`, 'unknown field (metadata takes user_id only)');
  if (isGiven(record.user_id)) {
    const user = readRequestField.string(record.user_id, 'metadata.user_id');
    if (user !== '') converted.user = user;
  }
}

function convertServiceTier(tier: unknown, converted: ChatCompletionRequest): void {
  if (!isGiven(tier)) return;
  if (tier === 'auto') converted.service_tier = 'auto';
  else if (tier === 'standard_only') converted.service_tier = 'default';
  else throw invalid('service_tier', `must be "auto" or "standard_only", not ${JSON.stringify(tier)}`);
}

/** Structured outputs (`output_config.format`, a JSON schema) as OpenAI's `response_format`. */
function convertOutputFormat(format: unknown, converted: ChatCompletionRequest): void {
  if (!isGiven(format)) return;
  const record = readRequestField.record(format, 'output_config.format');
  if (record.type !== 'json_schema') throw invalid('output_config.format.type', `must be "json_schema", not ${JSON.stringify(record.type)}`);
  const schema = readRequestField.record(record.schema, 'output_config.format.schema');
  converted.response_format = { type: 'json_schema', json_schema: { name: 'output', schema } };
}
