import type { Dialect } from '../dialect.js';
import { openAiFormat } from '../openai/openai-dialect.js';
import { withRegistryQuirks } from '../shared/with-registry-quirks.js';
import { convertAzureChatRequest } from './convert-azure-chat-request.js';
import { convertAzureErrorPayload, convertAzureErrorResponse } from './convert-azure-error-response.js';
import { createAzureAuthorizer } from './create-azure-authorizer.js';
import { createAzureStreamConverter } from './create-azure-stream-converter.js';
import { namesDeploymentInPath } from './names-deployment-in-path.js';

/**
 * Azure OpenAI: OpenAI's wire format on deployment URLs
 * (`/openai/deployments/{deployment}/...?api-version=...`, the deployment being the model part of
 * `azure/<deployment>`) or on the v1 API (`/openai/v1/...`, registry entry `azure_v1`: no
 * api-version, the deployment named by the body's `model`), an `api-key` header or an Entra ID
 * bearer token, and Azure's content filter results and error codes. Everything else is the OpenAI
 * dialect.
 *
 * Where the URL comes from (registry entry `azure`): the host is `{resource}.openai.azure.com`
 * with the resource from AZURE_RESOURCE_NAME or `providers.azure.urlVariables.resource`; an
 * endpoint URL as Azure shows it (what Microsoft's SDKs read from AZURE_OPENAI_ENDPOINT, e.g.
 * `https://x.openai.azure.com` or `https://x.cognitiveservices.azure.com`) goes in
 * `providers.azure.baseURL`. The api-version comes from AZURE_API_VERSION or
 * `providers.azure.urlVariables.api_version`, else the registry default.
 */
export const azureDialect: Dialect = withRegistryQuirks({
  name: 'azure',
  convertChatRequest: (request, route, stream) => convertAzureChatRequest(request, route, stream),
  convertChatResponse: (body, route) => {
    // A 200 carrying only an error object is read with Azure's codes before OpenAI's validation.
    if (isErrorOnly(body)) throw convertAzureErrorPayload(body, { provider: route.provider.id, model: route.model });
    return openAiFormat.convertChatResponse(body, route);
  },
  createChatStreamConverter: (route) => createAzureStreamConverter(route),
  convertEmbeddingRequest: (request, route) => {
    const wire = openAiFormat.convertEmbeddingRequest!(request, route);
    const body: Record<string, unknown> = { ...wire.body };
    if (request.extra_body?.model === undefined && namesDeploymentInPath(wire.path)) delete body.model;
    return { ...wire, body };
  },
  convertEmbeddingResponse: (body, route) => openAiFormat.convertEmbeddingResponse!(body, route),
  convertListModelsRequest: (route) => openAiFormat.convertListModelsRequest!(route),
  convertListModelsResponse: (body, route) => openAiFormat.convertListModelsResponse!(body, route),
  convertErrorResponse: (status, body, route) => convertAzureErrorResponse(status, body, { provider: route.provider.id, model: route.model }),
  createAuthorizer: (input) => createAzureAuthorizer(input),
});

function isErrorOnly(body: unknown): body is { error: unknown } {
  if (body === null || typeof body !== 'object') return false;
  const record = body as Record<string, unknown>;
  return record.error !== undefined && record.error !== null && !('choices' in record);
}
