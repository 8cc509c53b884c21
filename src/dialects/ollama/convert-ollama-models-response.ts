import type { ModelsListResponse } from '../../../generated/types/index.js';
import { InvalidResponseError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';

/**
 * Ollama's `GET /api/tags` (`{ models: [{ name, model, modified_at, size, digest, details }] }`,
 * the models pulled locally) as an OpenAI model list: `name` (e.g. `llama3.2:latest`) is the id;
 * the other fields stay on each entry.
 */
export function convertOllamaModelsResponse(body: unknown, route: ResolvedRoute): ModelsListResponse {
  const models = body !== null && typeof body === 'object' ? (body as { models?: unknown }).models : undefined;
  if (!Array.isArray(models)) {
    throw new InvalidResponseError(`${route.provider.id}: the models response has no "models" array`, {
      provider: route.provider.id,
      model: route.model,
      body,
    });
  }
  return {
    object: 'list',
    data: models
      .filter((model): model is Record<string, unknown> & { name: string } => typeof (model as { name?: unknown })?.name === 'string')
      .map(({ name, modified_at: modifiedAt, ...details }) => ({
        ...details,
        id: name,
        object: 'model',
        owned_by: 'ollama',
        ...(typeof modifiedAt === 'string' && !Number.isNaN(Date.parse(modifiedAt)) ? { created: Math.floor(Date.parse(modifiedAt) / 1000) } : {}),
      })),
  };
}
