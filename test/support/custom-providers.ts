/** Registry entries for tests that must not depend on the real registry's data. */
export function quirkyProvider(baseURL: string): Record<string, unknown> {
  return {
    id: 'quirky',
    name: 'Quirky test provider',
    kind: 'hosted',
    baseURL: `${baseURL}/{region}/api`,
    urlVariables: { region: { envVar: 'QUIRKY_REGION', default: 'eu' } },
    auth: { scheme: 'header', header: 'X-Api-Key', prefix: 'Key ', envVar: 'QUIRKY_API_KEY' },
    endpoints: {
      chat: { path: '/deployments/{model}/chat' },
      embeddings: { path: '/deployments/{model}/embed' },
      models: { path: '/catalog' },
    },
    modelPrefixes: ['quirk-'],
    models: ['quirk-large', 'quirk-small'],
    quirks: {
      renameParams: { max_completion_tokens: 'max_tokens' },
      dropParams: ['logit_bias'],
      roleMap: { developer: 'system' },
      headers: { 'X-Client': 'liter-llm-test' },
      query: { 'api-version': '2024-01-01' },
      streamUsage: true,
      defaultParams: { max_tokens: 256 },
    },
  };
}

export function chatOnlyProvider(baseURL: string): Record<string, unknown> {
  return {
    id: 'chatonly',
    name: 'Chat-only test provider',
    kind: 'local',
    baseURL: `${baseURL}/v1`,
    auth: { scheme: 'bearer', envVar: 'CHATONLY_API_KEY', optional: true },
    endpoints: { chat: { path: '/chat/completions' } },
  };
}
