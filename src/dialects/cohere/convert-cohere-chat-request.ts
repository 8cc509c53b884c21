import type { ChatCompletionRequest } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { WireRequest } from '../dialect.js';
import { convertCohereMessages } from './convert-cohere-messages.js';
import { createCohereWireRequest } from './create-cohere-wire-request.js';
import { convertCohereResponseFormat } from './convert-cohere-response-format.js';
import { convertCohereThinking } from './convert-cohere-thinking.js';
import { prepareCohereTools } from './prepare-cohere-tools.js';

/** Request fields with a Cohere equivalent (or none needed); anything else is reported. */
const CONVERTED = new Set([
  'model',
  'messages',
  'stream',
  'stream_options',
  'temperature',
  'top_p',
  'max_tokens',
  'max_completion_tokens',
  'stop',
  'seed',
  'frequency_penalty',
  'presence_penalty',
  'logprobs',
  'tools',
  'tool_choice',
  'response_format',
  'reasoning_effort',
  'n',
  'parallel_tool_calls',
  'functions',
  'function_call',
  'modalities',
]);

/** Fields Cohere has no place for, dropped with a warning rather than failing the call. */
const DROPPED: Readonly<Record<string, string>> = {
  logit_bias: 'Cohere v2 chat has no logit bias',
  top_logprobs: 'Cohere returns the log probability of each generated token only',
  user: 'Cohere has no end-user field',
  prediction: 'Cohere has no predicted outputs',
  service_tier: 'Cohere has no service tiers',
  store: 'Cohere does not store completions',
  metadata: 'Cohere has no request metadata',
  audio: 'Cohere does not generate audio',
};

/**
 * An OpenAI chat request as a Cohere v2 `POST /v2/chat` body. `extra_body` is merged last, which is
 * how Cohere-only options are reached: `documents` (RAG), `citation_options`, `safety_mode`, `k`,
 * `priority`, or a `thinking` budget of your own.
 */
export function convertCohereChatRequest(request: ChatCompletionRequest, route: ResolvedRoute, stream: boolean): WireRequest {
  const providerId = route.provider.id;
  const { extra_body: extraBody, ...source } = request;
  const warnings: string[] = [];

  if (source.n !== undefined && source.n !== 1) {
    throw new BadRequestError(`${providerId}: n=${source.n} is not supported; Cohere generates one choice per request`, { provider: providerId });
  }
  if (source.functions !== undefined || source.function_call !== undefined) {
    throw new BadRequestError(`${providerId}: "functions" and "function_call" are the legacy form; send tools and tool_choice instead`, {
      provider: providerId,
    });
  }
  if (source.modalities?.includes('audio')) {
    throw new BadRequestError(`${providerId}: modalities "audio" is not supported; Cohere answers in text only`, { provider: providerId });
  }

  const messages = convertCohereMessages(source.messages, providerId);
  warnings.push(...messages.warnings);
  const tools = prepareCohereTools(source.tools, source.tool_choice, providerId);
  warnings.push(...tools.warnings);
  if (source.parallel_tool_calls === false) {
    warnings.push('dropped "parallel_tool_calls": Cohere decides how many tools to call and cannot be limited to one');
  }

  const body: Record<string, unknown> = { model: route.model, messages: messages.messages, stream };
  const maxTokens = source.max_completion_tokens ?? source.max_tokens;
  const stop = typeof source.stop === 'string' ? [source.stop] : source.stop;
  assign(body, 'max_tokens', maxTokens);
  assign(body, 'temperature', source.temperature);
  assign(body, 'p', source.top_p);
  assign(body, 'stop_sequences', stop);
  assign(body, 'seed', source.seed);
  assign(body, 'frequency_penalty', source.frequency_penalty);
  assign(body, 'presence_penalty', source.presence_penalty);
  assign(body, 'logprobs', source.logprobs);
  assign(body, 'tools', tools.tools);
  assign(body, 'tool_choice', tools.toolChoice);
  assign(body, 'strict_tools', tools.strictTools);
  assign(body, 'response_format', convertCohereResponseFormat(source.response_format, providerId));
  assign(body, 'thinking', convertCohereThinking(source.reasoning_effort));

  for (const [name, value] of Object.entries(source)) {
    if (value === undefined || CONVERTED.has(name)) continue;
    const reason = DROPPED[name] ?? 'it is not part of the OpenAI request shape; pass provider options in extra_body';
    warnings.push(`dropped "${name}": ${reason}`);
  }
  return createCohereWireRequest(route, 'chat', '/v2/chat', body, extraBody, warnings);
}

function assign(body: Record<string, unknown>, name: string, value: unknown): void {
  if (value !== undefined) body[name] = value;
}
