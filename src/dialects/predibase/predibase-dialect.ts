import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { Dialect, WireRequest } from '../dialect.js';
import { openAiFormat } from '../openai/openai-dialect.js';
import { withRegistryQuirks } from '../shared/with-registry-quirks.js';

/**
 * Predibase (LoRAX): OpenAI's chat format on each deployment's own URL
 * (`.../deployments/v2/llms/<deployment>/v1/chat/completions`), where the body's `model` names a
 * fine-tuned adapter, or is empty for the base model. So `predibase/<deployment>` calls the base
 * model and `predibase/<deployment>:<adapter-repo>/<version>` an adapter on it (Predibase's own
 * `base:adapter` notation). Everything else is the OpenAI dialect.
 */
export const predibaseDialect: Dialect = withRegistryQuirks({
  ...openAiFormat,
  name: 'predibase',
  convertChatRequest: (request, route, stream) => onDeployment(openAiFormat.convertChatRequest(request, route, stream), route),
});

/** The wire request on the deployment's path, with the adapter (or nothing) as the body's model. */
function onDeployment(wire: WireRequest, route: ResolvedRoute): WireRequest {
  const at = route.model.indexOf(':');
  const deployment = at === -1 ? route.model : route.model.slice(0, at);
  const adapter = at === -1 ? '' : route.model.slice(at + 1);
  return { ...wire, path: wire.path.replaceAll('{model}', encodeURIComponent(deployment)), body: { ...wire.body, model: adapter } };
}
