// Wire fixtures written from Azure OpenAI's reference and content-filtering docs
// (https://learn.microsoft.com/azure/ai-foundry/openai/reference,
// /azure/ai-foundry/openai/concepts/content-filter): chat completions with prompt and completion
// filter results, the stream's prompt-filter announcement, and Azure's error bodies.
import { azureProvider } from '../../../generated/providers/azure.js';
import type { AuthorizerInput } from '../../../src/dialects/dialect.js';
import { createAzureAuthorizer } from '../../../src/dialects/azure/create-azure-authorizer.js';
import type { ProviderOverride } from '../../../src/routing/resolved-provider.js';
import { resolveProvider } from '../../../src/routing/resolve-provider.js';
import type { ResolvedRoute } from '../../../src/routing/resolved-route.js';

export function azureRoute(
  model = 'gpt-4o-prod',
  options: { override?: ProviderOverride; env?: Record<string, string | undefined>; apiKey?: string } = {},
): ResolvedRoute {
  const env = options.env ?? { AZURE_RESOURCE_NAME: 'contoso' };
  const provider = resolveProvider({
    definition: azureProvider,
    override: options.override,
    apiKey: 'apiKey' in options ? options.apiKey : 'azure-test-key',
    fallbackApiKey: undefined,
    clientHeaders: {},
    env,
    createAuthorizer: (input: AuthorizerInput) => createAzureAuthorizer(input),
  });
  return { provider, model };
}

const safe = { filtered: false, severity: 'safe' };
export const filterResults = { hate: safe, self_harm: safe, sexual: safe, violence: safe };
export const promptFilterResults = [{ prompt_index: 0, content_filter_results: filterResults }];

export const chatResponse = {
  id: 'chatcmpl-7R1nGnsXO8n4oi9UPz2f3UHdgAYMn',
  object: 'chat.completion',
  created: 1686676106,
  model: 'gpt-4o-2024-08-06',
  prompt_filter_results: promptFilterResults,
  choices: [
    {
      index: 0,
      finish_reason: 'stop',
      message: { role: 'assistant', content: 'Paris.' },
      content_filter_results: filterResults,
    },
  ],
  usage: { completion_tokens: 2, prompt_tokens: 20, total_tokens: 22, prompt_tokens_details: { cached_tokens: 0 } },
};

export const toolCallResponse = {
  id: 'chatcmpl-9x8Ak2Jz1lq',
  object: 'chat.completion',
  created: 1727000000,
  model: 'gpt-4o-2024-08-06',
  prompt_filter_results: promptFilterResults,
  choices: [
    {
      index: 0,
      finish_reason: 'tool_calls',
      message: {
        role: 'assistant',
        content: null,
        tool_calls: [{ id: 'call_OLa2x9eN1', type: 'function', function: { name: 'get_weather', arguments: '{"city":"Paris"}' } }],
      },
      content_filter_results: {},
    },
  ],
  usage: { completion_tokens: 15, prompt_tokens: 60, total_tokens: 75 },
};

/** The completion was filtered: finish_reason content_filter and the category that tripped. */
export const filteredResponse = {
  ...chatResponse,
  choices: [
    {
      index: 0,
      finish_reason: 'content_filter',
      message: { role: 'assistant', content: null },
      content_filter_results: { ...filterResults, violence: { filtered: true, severity: 'medium' } },
    },
  ],
};

const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => ({
  id: 'chatcmpl-8Ng3aXyLk',
  object: 'chat.completion.chunk',
  created: 1700658055,
  model: 'gpt-4o-2024-08-06',
  system_fingerprint: 'fp_50cad350e4',
  choices,
  ...extra,
});

/** Azure's first event announces the prompt filter results with empty choices, id and model. */
export const announcement = { choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: promptFilterResults };

export const textStreamPayloads = [
  announcement,
  chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null, content_filter_results: {} }]),
  chunk([{ index: 0, delta: { content: 'Par' }, finish_reason: null, content_filter_results: filterResults }]),
  chunk([{ index: 0, delta: { content: 'is.' }, finish_reason: null, content_filter_results: filterResults }]),
  chunk([{ index: 0, delta: {}, finish_reason: 'stop', content_filter_results: {} }]),
  chunk([], { usage: { completion_tokens: 2, prompt_tokens: 20, total_tokens: 22 } }),
];

export const toolCallStreamPayloads = [
  announcement,
  chunk([
    {
      index: 0,
      delta: { role: 'assistant', tool_calls: [{ index: 0, id: 'call_OLa2x9eN1', type: 'function', function: { name: 'get_weather', arguments: '' } }] },
      finish_reason: null,
    },
  ]),
  chunk([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }, finish_reason: null }]),
  chunk([{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] }, finish_reason: null }]),
  chunk([{ index: 0, delta: {}, finish_reason: 'tool_calls' }]),
];

export const errors = {
  promptFiltered: {
    error: {
      message:
        "The response was filtered due to the prompt triggering Azure OpenAI's content management policy. Please modify your prompt and retry. To learn more about our content filtering policies please read our documentation: https://go.microsoft.com/fwlink/?linkid=2198766",
      type: null,
      param: 'prompt',
      code: 'content_filter',
      status: 400,
      innererror: {
        code: 'ResponsibleAIPolicyViolation',
        content_filter_result: { ...filterResults, violence: { filtered: true, severity: 'high' } },
      },
    },
  },
  deploymentNotFound: {
    error: {
      code: 'DeploymentNotFound',
      message: 'The API deployment for this resource does not exist. If you created the deployment within the last 5 minutes, please wait a moment and try again.',
    },
  },
  invalidKey: {
    error: {
      code: '401',
      message:
        'Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource.',
    },
  },
  rateLimited: {
    error: {
      code: '429',
      message:
        'Requests to the ChatCompletions_Create Operation under Azure OpenAI API version 2024-10-21 have exceeded token rate limit of your current OpenAI S0 pricing tier. Please retry after 6 seconds. Please go here: https://aka.ms/oai/quotaincrease if you would like to further increase the default rate limit.',
    },
  },
  contextLength: {
    error: {
      message: "This model's maximum context length is 128000 tokens. However, your messages resulted in 130567 tokens. Please reduce the length of the messages.",
      type: 'invalid_request_error',
      param: 'messages',
      code: 'context_length_exceeded',
    },
  },
  serverError: {
    error: { message: 'The server had an error processing your request. Sorry about that!', type: 'server_error', param: null, code: null },
  },
};
