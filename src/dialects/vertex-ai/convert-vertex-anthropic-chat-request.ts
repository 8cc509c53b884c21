import type { ChatCompletionRequest } from '../../../generated/types/index.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { convertAnthropicChatRequest } from '../anthropic/convert-anthropic-chat-request.js';
import type { WireRequest } from '../dialect.js';

/** The Messages API version Vertex AI's Claude endpoints take, in the body instead of a header. */
export const VERTEX_ANTHROPIC_VERSION = 'vertex-2023-10-16';

/**
 * Claude on Vertex AI: Anthropic's Messages body without `model` (the URL names it,
 * `/publishers/anthropic/models/{model}:rawPredict`) and with `anthropic_version`
 * (`extra_body` may set another); a stream goes to `:streamRawPredict`.
 */
export function convertVertexAnthropicChatRequest(request: ChatCompletionRequest, route: ResolvedRoute, stream: boolean): WireRequest {
  const wire = convertAnthropicChatRequest(request, route, stream);
  const { model: _model, ...body } = wire.body ?? {};
  const [path = '', query] = wire.path.split('?', 2);
  const streamPath = stream ? path.replace(/:rawPredict$/, ':streamRawPredict') : path;
  return {
    ...wire,
    path: query === undefined ? streamPath : `${streamPath}?${query}`,
    body: { anthropic_version: VERTEX_ANTHROPIC_VERSION, ...body },
  };
}
