import type { ModelsListResponse } from '../../../generated/types/index.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import { readNamedModels } from '../shared/read-named-models.js';

/**
 * Ollama's `GET /api/tags` (`{ models: [{ name, model, modified_at, size, digest, details }] }`,
 * the models pulled locally) as an OpenAI model list: `name` (e.g. `llama3.2:latest`) is the id,
 * `modified_at` the creation time; the other fields stay on each entry.
 */
export function convertOllamaModelsResponse(body: unknown, route: ResolvedRoute): ModelsListResponse {
  return {
    object: 'list',
    data: readNamedModels(body, route).map(({ name, modified_at: modifiedAt, ...details }) => {
      const created = typeof modifiedAt === 'string' ? Date.parse(modifiedAt) : Number.NaN;
      return { ...details, id: name, object: 'model', owned_by: 'ollama', ...(Number.isNaN(created) ? {} : { created: Math.floor(created / 1000) }) };
    }),
  };
}
