/** Made-up credentials the runtimes pass as options and the mock expects: nothing here is a real secret. */
export const SMOKE_KEYS = {
  openai: 'sk-smoke-openai-0000',
  anthropic: 'sk-ant-smoke-0000',
} as const;

export const SMOKE_BEDROCK = {
  accessKeyId: 'AKIASMOKETEST0000000',
  secretAccessKey: 'smoke/secret/key/0000000000000000000000',
  region: 'eu-west-1',
} as const;
