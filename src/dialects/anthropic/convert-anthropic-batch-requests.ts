import { validateChatCompletionRequest } from '../../../generated/validators/chat-completion-request.js';
import type { BatchInlineRequest, ChatCompletionRequest } from '../../../generated/types/index.js';
import { BadRequestError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { anthropicDialect } from './anthropic-dialect.js';

/** What an inline batch becomes: Anthropic's `requests`, the betas they rely on, and the conversions' warnings. */
export interface AnthropicBatchRequests {
  readonly requests: readonly { readonly custom_id: string; readonly params: Record<string, unknown> }[];
  readonly betas: ReadonlySet<string>;
  readonly warnings: readonly string[];
}

/**
 * The `requests` of an inline `batches.create` as Anthropic's Message Batches `requests`. Each
 * holds exactly one of `params` (Anthropic's Messages parameters, sent unchanged) or `body` (an
 * OpenAI-shaped chat request, checked like `chat` and converted like a chat call of this
 * provider, registry quirks and catalogue `max_tokens` included; its model may carry the
 * `provider/` prefix; `stream` is refused, a batch does not stream). Problems throw a
 * `BadRequestError` naming the field (`requests[2].body.messages`); warnings name the `custom_id`.
 */
export function convertAnthropicBatchRequests(
  items: readonly BatchInlineRequest[],
  route: ResolvedRoute,
): AnthropicBatchRequests {
  const betas = new Set<string>();
  const warnings: string[] = [];
  const requests = items.map((item, index) => {
    const field = `requests[${index}]`;
    if ((item.body === undefined) === (item.params === undefined)) {
      throw new BadRequestError(`batches.create(request): ${field} must have exactly one of body (an OpenAI-shaped chat request) or params (Anthropic's own)`);
    }
    if (item.params !== undefined) return { custom_id: item.custom_id, params: item.params };
    const wire = convertBody(item.body as ChatCompletionRequest, route, `${field}.body`);
    for (const beta of (wire.headers?.['anthropic-beta'] ?? '').split(',')) if (beta.trim() !== '') betas.add(beta.trim());
    warnings.push(...wire.warnings.map((warning) => `${item.custom_id}: ${warning}`));
    return { custom_id: item.custom_id, params: wire.body ?? {} };
  });
  return { requests, betas, warnings };
}

function convertBody(body: ChatCompletionRequest, route: ResolvedRoute, field: string) {
  const problem = validateChatCompletionRequest(body);
  if (problem !== undefined) throw new BadRequestError(`batches.create(request): ${field}: ${problem}`);
  if (body.stream === true) throw new BadRequestError(`batches.create(request): ${field}.stream must not be true: a batch does not stream`);
  const prefix = `${route.provider.id}/`;
  const model = body.model.startsWith(prefix) ? body.model.slice(prefix.length) : body.model;
  const { stream: _stream, stream_options: _streamOptions, ...request } = body;
  return anthropicDialect.convertChatRequest(request as ChatCompletionRequest, { provider: route.provider, model }, false);
}
