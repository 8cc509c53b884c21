import type { Dialect } from '../dialect.js';
import { createListModelsRequest } from '../shared/create-list-models-request.js';
import { withRegistryQuirks } from '../shared/with-registry-quirks.js';
import { convertAnthropicChatRequest } from './convert-anthropic-chat-request.js';
import { convertAnthropicChatResponse } from './convert-anthropic-chat-response.js';
import { convertAnthropicErrorResponse } from './convert-anthropic-error-response.js';
import { convertAnthropicModelsResponse } from './convert-anthropic-models-response.js';
import { createAnthropicStreamConverter } from './create-anthropic-stream-converter.js';

/** Anthropic's page size is 20 by default and 1,000 at most; one page of 1,000 holds every model. */
const MODELS_PAGE_SIZE = 1000;

/**
 * The Anthropic Messages API (`POST /v1/messages`), for Anthropic and every Anthropic-compatible
 * endpoint in the registry. Auth (`x-api-key` or bearer) and the `anthropic-version` header come
 * from each registry entry; the dialect adds `anthropic-beta` when a feature in use needs one.
 * Anthropic has no embeddings endpoint.
 */
export const anthropicDialect: Dialect = withRegistryQuirks({
  name: 'anthropic',
  convertChatRequest: convertAnthropicChatRequest,
  convertChatResponse: convertAnthropicChatResponse,
  createChatStreamConverter: createAnthropicStreamConverter,
  convertErrorResponse: convertAnthropicErrorResponse,

  convertListModelsRequest: (route) => createListModelsRequest(route, '/v1/models', 'limit', MODELS_PAGE_SIZE),
  convertListModelsResponse: convertAnthropicModelsResponse,
});
