import { InvalidResponseError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';

/**
 * The entries of a `{ models: [{ name, ... }] }` model list (Cohere's, Ollama's), those with a
 * string `name`; a body without the list throws `InvalidResponseError`.
 */
export function readNamedModels(body: unknown, route: ResolvedRoute): Array<Record<string, unknown> & { name: string }> {
  const models = body !== null && typeof body === 'object' ? (body as { models?: unknown }).models : undefined;
  if (!Array.isArray(models)) {
    throw new InvalidResponseError(`${route.provider.id}: the models response has no "models" array`, {
      provider: route.provider.id,
      model: route.model,
      body,
    });
  }
  return models.filter((model): model is Record<string, unknown> & { name: string } => typeof (model as { name?: unknown })?.name === 'string');
}
