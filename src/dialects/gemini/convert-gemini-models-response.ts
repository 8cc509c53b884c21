import type { ModelsListResponse } from '../../../generated/types/index.js';
import { InvalidResponseError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';

/** Gemini's `models.list` (`{ models: [{ name: "models/<id>" }] }`) as OpenAI's model list. */
export function convertGeminiModelsResponse(body: unknown, route: ResolvedRoute): ModelsListResponse {
  const models = body !== null && typeof body === 'object' ? (body as { models?: unknown }).models : undefined;
  if (models !== undefined && !Array.isArray(models)) {
    throw new InvalidResponseError(`${route.provider.id}: the models response has no models array`, { provider: route.provider.id, body });
  }
  return {
    object: 'list',
    data: (models ?? [])
      .filter((model): model is { name: string } => typeof (model as { name?: unknown } | null)?.name === 'string')
      .map((model) => ({ id: model.name.replace(/^models\//, ''), object: 'model', owned_by: 'google' })),
  };
}
