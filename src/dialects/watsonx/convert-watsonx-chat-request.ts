import type { ChatCompletionRequest } from '../../../generated/types/index.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { WireRequest } from '../dialect.js';
import { mergeExtraBody } from '../shared/merge-extra-body.js';
import { resolveEndpointPath } from '../shared/resolve-endpoint-path.js';

/** The OpenAI chat parameters watsonx's `/text/chat` takes under the same name and meaning. */
const WATSONX_CHAT_FIELDS: ReadonlySet<string> = new Set([
  'messages',
  'tools',
  'frequency_penalty',
  'logprobs',
  'top_logprobs',
  'max_tokens',
  'n',
  'presence_penalty',
  'response_format',
  'seed',
  'stop',
  'temperature',
  'top_p',
]);

/**
 * watsonx.ai's `POST /ml/v1/text/chat` (`/text/chat_stream` for streams): OpenAI's messages and
 * parameters with `model_id` and `project_id` (the `project_id` URL variable: WATSONX_PROJECT_ID or
 * `providers.watsonx.urlVariables.project_id`); a `tool_choice` string is `tool_choice_option`,
 * `max_completion_tokens` is `max_tokens`. Parameters watsonx does not take are dropped with a
 * warning; `extra_body` (`time_limit`, `space_id`, ...) is merged last.
 */
export function convertWatsonxChatRequest(request: ChatCompletionRequest, route: ResolvedRoute, stream: boolean): WireRequest {
  const { extra_body: extraBody, model: _model, stream: _stream, stream_options: _options, max_completion_tokens: maxCompletion, tool_choice: toolChoice, ...rest } =
    request;
  const body: Record<string, unknown> = { model_id: route.model, project_id: route.provider.urlVariable?.('project_id') };
  const warnings: string[] = [];
  for (const [name, value] of Object.entries(rest)) {
    if (value === undefined) continue;
    if (WATSONX_CHAT_FIELDS.has(name)) body[name] = value;
    else warnings.push(`dropped "${name}": watsonx chat has no such parameter`);
  }
  if (body.max_tokens === undefined && maxCompletion !== undefined && maxCompletion !== null) body.max_tokens = maxCompletion;
  if (typeof toolChoice === 'string') body.tool_choice_option = toolChoice;
  else if (toolChoice !== undefined) body.tool_choice = toolChoice;
  const chatPath = resolveEndpointPath(route, 'chat', '/text/chat');
  return {
    endpoint: 'chat',
    method: 'POST',
    path: stream ? toStreamPath(chatPath) : chatPath,
    body: mergeExtraBody({ extra_body: extraBody }, body),
    warnings,
  };
}

/** `/text/chat` → `/text/chat_stream`, before any query the template holds. */
function toStreamPath(path: string): string {
  const queryAt = path.indexOf('?');
  return queryAt === -1 ? `${path}_stream` : `${path.slice(0, queryAt)}_stream${path.slice(queryAt)}`;
}
