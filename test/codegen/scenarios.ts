/**
 * Tiny registries that together cover every registry feature. Each is run through the whole generator
 * and compared with the files in `__snapshots__/<name>/`.
 */
export interface Scenario {
  readonly name: string;
  readonly registry: { readonly providers: readonly Record<string, unknown>[] };
}

export const SCENARIOS: readonly Scenario[] = [
  {
    name: 'bearer-chat-only',
    registry: {
      providers: [
        {
          id: 'groq',
          name: 'Groq',
          kind: 'hosted',
          baseURL: 'https://api.groq.com/openai/v1',
          auth: { scheme: 'bearer', envVar: 'GROQ_API_KEY' },
          endpoints: { chat: { path: '/chat/completions' } },
          models: ['llama-3.3-70b-versatile', 'llama-3.1-8b-instant'],
        },
      ],
    },
  },
  {
    name: 'header-auth-every-quirk',
    registry: {
      providers: [
        {
          id: 'azure_openai',
          name: 'Azure "OpenAI" */ Service',
          kind: 'hosted',
          docs: 'https://learn.microsoft.com/azure/ai-services/openai/reference',
          dialect: 'azure',
          baseURL: 'https://{resource}.openai.azure.com/openai',
          urlVariables: {
            resource: { envVar: 'AZURE_RESOURCE_NAME' },
            deployment_suffix: { default: '', envVar: 'AZURE_DEPLOYMENT_SUFFIX' },
          },
          auth: { scheme: 'header', header: 'api-key', prefix: 'Key ', envVar: 'AZURE_API_KEY', optional: false },
          endpoints: {
            embeddings: { path: '/deployments/{model}{deployment_suffix}/embeddings' },
            chat: { path: '/deployments/{model}{deployment_suffix}/chat/completions' },
          },
          modelPrefixes: ['gpt-4o-azure', 'o3-azure'],
          models: ["it's-a-model", 'gpt-4o'],
          quirks: {
            renameParams: { max_tokens: 'max_completion_tokens', 'stop-words': 'stop' },
            dropParams: ['logit_bias', 'seed'],
            roleMap: { developer: 'system', function: 'tool' },
            headers: { 'x-ms-client': 'liter-llm', 'A-First': '1' },
            query: { 'api-version': '2024-10-21' },
            streamUsage: true,
            defaultParams: { max_tokens: 1024, temperature: 0.5, stop: ['\n\n'], nested: { b: null, a: true }, ['__proto__']: 'kept' },
          },
        },
      ],
    },
  },
  {
    name: 'dialects-and-query-auth',
    registry: {
      providers: [
        {
          id: 'gemini',
          name: 'Google AI Studio',
          kind: 'hosted',
          dialect: 'gemini',
          baseURL: 'https://generativelanguage.googleapis.com/v1beta',
          auth: { scheme: 'query', param: 'key', envVar: 'GEMINI_API_KEY' },
          endpoints: {
            models: { path: '/models' },
            embeddings: { path: '/models/{model}:batchEmbedContents' },
            chat: { path: '/models/{model}:generateContent' },
          },
          modelPrefixes: ['gemini-'],
          models: ['gemini-2.5-pro', 'gemini-2.5-flash'],
        },
        {
          id: 'anthropic',
          name: 'Anthropic',
          kind: 'hosted',
          dialect: 'anthropic',
          baseURL: 'https://api.anthropic.com/v1',
          auth: { scheme: 'header', header: 'x-api-key', envVar: 'ANTHROPIC_API_KEY' },
          endpoints: { chat: { path: '/messages' }, models: { path: '/models' } },
          modelPrefixes: ['claude-'],
          models: ['claude-sonnet-4-5'],
          quirks: { headers: { 'anthropic-version': '2023-06-01' }, defaultParams: { max_tokens: 4096 } },
        },
      ],
    },
  },
  {
    name: 'local-optional-auth',
    registry: {
      providers: [
        {
          id: 'ollama',
          name: 'Ollama',
          kind: 'local',
          baseURL: 'http://{host}:11434/v1',
          urlVariables: { host: { envVar: 'OLLAMA_HOST', default: 'localhost' } },
          auth: { scheme: 'bearer', envVar: 'OLLAMA_API_KEY', optional: true },
          endpoints: { chat: { path: '/chat/completions' }, embeddings: { path: '/embeddings' }, models: { path: '/models' } },
        },
        {
          id: 'lm_studio',
          name: 'LM Studio',
          kind: 'local',
          baseURL: 'http://localhost:1234/v1',
          auth: { scheme: 'none' },
          endpoints: { chat: { path: '/chat/completions' } },
        },
      ],
    },
  },
];
