import type { ChatCompletionRequest } from '../../../generated/types/index.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { WireRequest } from '../dialect.js';
import { openAiFormat } from '../openai/openai-dialect.js';
import { isDefaultedParam } from '../shared/with-registry-quirks.js';
import { namesDeploymentInPath } from './names-deployment-in-path.js';
import { readAzureApiVersion } from './read-azure-api-version.js';

/** The first GA-or-preview api-version that accepts `stream_options.include_usage`. */
export const AZURE_STREAM_USAGE_SINCE = '2024-09-01';

/**
 * An OpenAI chat request for an Azure OpenAI deployment: OpenAI's body as the OpenAI dialect builds
 * it (registry quirks already applied, as for every dialect), minus `model` when the deployment is in the URL (an
 * `extra_body.model` is kept; on the v1 API the body's `model` is the deployment). Azure-only options such as
 * `data_sources` go in `extra_body`.
 */
export function convertAzureChatRequest(request: ChatCompletionRequest, route: ResolvedRoute, stream: boolean): WireRequest {
  const wire = openAiFormat.convertChatRequest(request, route, stream);
  const body: Record<string, unknown> = { ...wire.body };
  const warnings = [...wire.warnings];
  if (request.extra_body?.model === undefined && namesDeploymentInPath(wire.path)) delete body.model;

  // Usage in streams is asked for by default; api-versions before 2024-09-01 reject the option.
  if (stream && isDefaultedParam(request, 'stream_options') && body.stream_options !== undefined) {
    const version = readAzureApiVersion(route, wire.path);
    if (version !== undefined && version < AZURE_STREAM_USAGE_SINCE) {
      delete body.stream_options;
      warnings.push(`stream usage not requested: api-version ${version} does not accept stream_options (${AZURE_STREAM_USAGE_SINCE} and later do)`);
    }
  }
  return { ...wire, body, warnings };
}
