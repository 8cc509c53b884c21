import { describe, expect, it } from 'vitest';
import { azureDialect } from '../../../src/dialects/azure/azure-dialect.js';
import type { ChatCompletionRequest } from '../../../src/index.js';
import type { ResolvedRoute } from '../../../src/routing/resolved-route.js';
import { readAzureApiVersion } from '../../../src/dialects/azure/read-azure-api-version.js';
import { azureRoute } from './azure-fixtures.js';

const messages = [
  { role: 'developer' as const, content: 'Be brief.' },
  { role: 'user' as const, content: 'Hi' },
];

// Through the dialect, so the registry entry's quirks (roleMap, streamUsage) apply as on a real call.
const convertAzureChatRequest = (request: ChatCompletionRequest, route: ResolvedRoute, stream: boolean) =>
  azureDialect.convertChatRequest(request, route, stream);

describe('convertAzureChatRequest', () => {
  it('sends the OpenAI body to the deployment path, without model, developer as system', () => {
    const route = azureRoute();
    const wire = convertAzureChatRequest({ model: 'azure/gpt-4o-prod', messages, max_completion_tokens: 100, reasoning_effort: 'low' }, route, false);
    expect(wire).toEqual({
      endpoint: 'chat',
      method: 'POST',
      path: '/openai/deployments/{model}/chat/completions?api-version={api_version}',
      body: {
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Hi' },
        ],
        max_completion_tokens: 100,
        reasoning_effort: 'low',
      },
      warnings: [],
    });
    expect(route.provider.buildUrl(wire.path, route.model)).toBe(
      'https://contoso.openai.azure.com/openai/deployments/gpt-4o-prod/chat/completions?api-version=2024-10-21',
    );
  });

  it('asks for stream usage on recent api-versions', () => {
    const wire = convertAzureChatRequest({ model: 'gpt-4o-prod', messages }, azureRoute(), true);
    expect(wire.body).toMatchObject({ stream: true, stream_options: { include_usage: true } });
  });

  it('leaves stream usage out, with a warning, on api-versions that reject it', () => {
    const route = azureRoute('gpt-4o-prod', { override: { urlVariables: { api_version: '2024-06-01' } } });
    const wire = convertAzureChatRequest({ model: 'gpt-4o-prod', messages }, route, true);
    expect(wire.body).toMatchObject({ stream: true });
    expect(wire.body).not.toHaveProperty('stream_options');
    expect(wire.warnings).toEqual([expect.stringContaining('api-version 2024-06-01')]);
    // An explicit request is the caller's to make.
    const explicit = convertAzureChatRequest({ model: 'gpt-4o-prod', messages, stream_options: { include_usage: true } }, route, true);
    expect(explicit.body).toMatchObject({ stream_options: { include_usage: true } });
  });

  it('passes Azure options such as data_sources through extra_body, and a model given there', () => {
    const dataSources = [{ type: 'azure_search', parameters: { endpoint: 'https://search.example', index_name: 'docs' } }];
    const wire = convertAzureChatRequest({ model: 'gpt-4o-prod', messages, extra_body: { data_sources: dataSources, model: 'gpt-4o' } }, azureRoute(), false);
    expect(wire.body).toMatchObject({ data_sources: dataSources, model: 'gpt-4o' });
  });
});

describe('readAzureApiVersion', () => {
  it('reads the version from AZURE_API_VERSION, the option, or the registry default', () => {
    const path = '/openai/deployments/{model}/chat/completions?api-version={api_version}';
    expect(readAzureApiVersion(azureRoute(), path)).toBe('2024-10-21');
    expect(readAzureApiVersion(azureRoute('d', { env: { AZURE_RESOURCE_NAME: 'x', AZURE_API_VERSION: '2025-04-01-preview' } }), path)).toBe('2025-04-01-preview');
    expect(readAzureApiVersion(azureRoute('d', { override: { urlVariables: { api_version: '2024-12-01-preview' } } }), path)).toBe('2024-12-01-preview');
    expect(readAzureApiVersion(azureRoute(), '/openai/models')).toBeUndefined();
  });
});
