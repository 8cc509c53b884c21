import type { Model, ModelsListResponse } from '../../../generated/types/index.js';
import { InvalidResponseError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { parseAnthropicTime } from './parse-anthropic-time.js';

/**
 * Anthropic's `GET /v1/models` page (`{ data: [{ type: 'model', id, display_name, created_at }],
 * has_more, first_id, last_id }`) as OpenAI's models list: `created_at` (RFC 3339) becomes Unix
 * seconds, and the provider id stands in for `owned_by`.
 */
export function convertAnthropicModelsResponse(body: unknown, route: ResolvedRoute): ModelsListResponse {
  const data = body !== null && typeof body === 'object' ? (body as { data?: unknown }).data : undefined;
  if (!Array.isArray(data)) {
    throw new InvalidResponseError(`${route.provider.id}: the models response has no data array`, {
      provider: route.provider.id,
      model: route.model,
      body,
    });
  }
  const models = data.flatMap((entry: unknown): Model[] => {
    if (entry === null || typeof entry !== 'object') return [];
    const record = entry as Record<string, unknown>;
    if (typeof record.id !== 'string') return [];
    return [
      {
        id: record.id,
        object: 'model',
        created: parseAnthropicTime(record.created_at),
        owned_by: route.provider.id,
      },
    ];
  });
  return { object: 'list', data: models };
}
