import type { ChatCompletionRequest } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { WireRequest } from '../dialect.js';
import { isRecord } from '../shared/is-record.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';
import { convertOllamaMessages } from './convert-ollama-messages.js';

/** Request fields with an Ollama equivalent (or none needed); anything else is dropped with a warning. */
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
  'tools',
  'tool_choice',
  'parallel_tool_calls',
  'response_format',
  'reasoning_effort',
  'n',
  'functions',
  'function_call',
  'modalities',
]);

/**
 * An OpenAI chat request as Ollama's `POST /api/chat` body: sampling parameters in `options`
 * (`max_tokens` as `num_predict`), `response_format` as `format` (`json` or the JSON schema),
 * `reasoning_effort` as `think` (`false` for `none`/`minimal`, else the level, which gpt-oss takes
 * as is and other thinking models as "think"). `stream` is always sent: Ollama streams unless told
 * not to. `extra_body` is merged last, its `options` (e.g. `num_ctx`) into ours.
 */
export function convertOllamaChatRequest(request: ChatCompletionRequest, route: ResolvedRoute, stream: boolean): WireRequest {
  const provider = route.provider.id;
  const { extra_body: extraBody, ...source } = request;
  if (source.n !== undefined && source.n !== 1) throw badRequest(provider, `n=${source.n} is not supported; Ollama generates one choice per request`);
  if (source.functions !== undefined || source.function_call !== undefined) {
    throw badRequest(provider, '"functions" and "function_call" are the legacy form; send tools and tool_choice instead');
  }
  if (source.modalities?.includes('audio')) throw badRequest(provider, 'modalities "audio" is not supported; Ollama answers in text only');

  const { messages, warnings } = convertOllamaMessages(source.messages, provider);
  const body: Record<string, unknown> = { model: route.model, messages, stream };
  const toolChoice = source.tool_choice;
  if (source.tools !== undefined && source.tools.length > 0 && toolChoice !== 'none') body.tools = source.tools;
  if (toolChoice !== undefined && toolChoice !== 'auto' && toolChoice !== 'none') {
    warnings.push('dropped "tool_choice": Ollama always lets the model decide whether to call a tool');
  }
  if (source.parallel_tool_calls === false) warnings.push('dropped "parallel_tool_calls": Ollama cannot limit the model to one tool call');

  const format = convertFormat(source.response_format);
  if (format !== undefined) body.format = format;
  if (source.reasoning_effort !== undefined) {
    body.think = source.reasoning_effort === 'none' || source.reasoning_effort === 'minimal' ? false : source.reasoning_effort;
  }
  const stop = typeof source.stop === 'string' ? [source.stop] : source.stop;
  const options = compact({
    temperature: source.temperature,
    top_p: source.top_p,
    num_predict: source.max_completion_tokens ?? source.max_tokens,
    stop: stop ?? undefined,
    seed: source.seed,
    frequency_penalty: source.frequency_penalty,
    presence_penalty: source.presence_penalty,
  });

  for (const [name, value] of Object.entries(source)) {
    if (value === undefined || CONVERTED.has(name)) continue;
    warnings.push(`dropped "${name}": Ollama's chat API has no such parameter; pass Ollama options in extra_body`);
  }

  const { options: extraOptions, ...extra } = isRecord(extraBody) ? extraBody : {};
  const mergedOptions = { ...options, ...(isRecord(extraOptions) ? extraOptions : {}) };
  if (Object.keys(mergedOptions).length > 0) body.options = mergedOptions;
  Object.assign(body, extra);
  return { endpoint: 'chat', method: 'POST', path: resolveEndpointPath(route, 'chat', '/api/chat'), body, warnings };
}

function convertFormat(format: ChatCompletionRequest['response_format']): unknown {
  if (format === undefined || format.type === 'text') return undefined;
  if (format.type === 'json_object') return 'json';
  return format.json_schema.schema ?? 'json';
}

function compact(record: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== null));
}

function badRequest(provider: string, message: string): BadRequestError {
  return new BadRequestError(`${provider}: ${message}`, { provider });
}
