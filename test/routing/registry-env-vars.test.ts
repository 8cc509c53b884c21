// The environment variables and auth headers of registry entries whose values were corrected
// (issue 12 point 3), read end to end through createClient.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createClient, isLiterLlmError } from '../../src/index.js';
import { chatResponse } from '../support/mock-server.js';

afterEach(() => vi.unstubAllEnvs());

const messages = [{ role: 'user' as const, content: 'Hi' }];

const anthropicReply = {
  id: 'msg_1',
  type: 'message',
  role: 'assistant',
  model: 'm',
  content: [{ type: 'text', text: 'Hello!' }],
  stop_reason: 'end_turn',
  usage: { input_tokens: 1, output_tokens: 1 },
};

/** Sends one chat through a fetch stub answering `reply`, checks the answer was read, and returns what was sent. */
async function sendChat(model: string, reply: unknown = chatResponse('Hello!')): Promise<Request> {
  const seen: Request[] = [];
  const fetchStub: typeof fetch = async (input, init) => {
    seen.push(new Request(input, init));
    return new Response(JSON.stringify(reply), { status: 200, headers: { 'content-type': 'application/json' } });
  };
  const response = await createClient({ fetch: fetchStub, maxRetries: 0 }).chat({ model, messages, max_tokens: 10 });
  expect(response.choices[0]?.message.content).toBe('Hello!');
  if (seen[0] === undefined) throw new Error('nothing was sent');
  return seen[0];
}

describe('registry environment variables', () => {
  it('siliconflow_cn reads SILICONFLOW_CN_API_KEY, not the international SILICONFLOW_API_KEY', async () => {
    vi.stubEnv('SILICONFLOW_API_KEY', 'international-key');
    vi.stubEnv('SILICONFLOW_CN_API_KEY', 'china-key');
    const request = await sendChat('siliconflow_cn/Qwen/Qwen3-8B');
    expect(request.url).toBe('https://api.siliconflow.cn/v1/chat/completions');
    expect(request.headers.get('authorization')).toBe('Bearer china-key');

    vi.stubEnv('SILICONFLOW_CN_API_KEY', '');
    const error = await sendChat('siliconflow_cn/Qwen/Qwen3-8B').catch((thrown: unknown) => thrown);
    expect(isLiterLlmError(error)).toBe(true);
    expect((error as Error).message).toContain('set SILICONFLOW_CN_API_KEY');
  });

  it('nvidia_nim reads NVIDIA_API_KEY, the name NVIDIA documents', async () => {
    vi.stubEnv('NVIDIA_API_KEY', 'nvapi-test');
    const request = await sendChat('nvidia_nim/meta/llama-3.3-70b-instruct');
    expect(request.url).toBe('https://integrate.api.nvidia.com/v1/chat/completions');
    expect(request.headers.get('authorization')).toBe('Bearer nvapi-test');
  });

  it('snowflake and snowflake_anthropic take the account from SNOWFLAKE_ACCOUNT and the token from SNOWFLAKE_PAT', async () => {
    vi.stubEnv('SNOWFLAKE_ACCOUNT', 'myorg-myaccount');
    vi.stubEnv('SNOWFLAKE_PAT', 'pat-token');
    const openAi = await sendChat('snowflake/claude-sonnet-4-5');
    expect(openAi.url).toBe('https://myorg-myaccount.snowflakecomputing.com/api/v2/cortex/v1/chat/completions');
    expect(openAi.headers.get('authorization')).toBe('Bearer pat-token');
    const anthropic = await sendChat('snowflake_anthropic/claude-sonnet-4-5', anthropicReply);
    expect(anthropic.url).toBe('https://myorg-myaccount.snowflakecomputing.com/api/v2/cortex/v1/messages');
    expect(anthropic.headers.get('authorization')).toBe('Bearer pat-token');
  });

  it('novita_anthropic sends the key as Authorization: Bearer, as Novita documents', async () => {
    vi.stubEnv('NOVITA_API_KEY', 'novita-key');
    const request = await sendChat('novita_anthropic/moonshotai/kimi-k2-instruct', anthropicReply);
    expect(request.url).toBe('https://api.novita.ai/anthropic/v1/messages');
    expect(request.headers.get('authorization')).toBe('Bearer novita-key');
    expect(request.headers.get('x-api-key')).toBeNull();
  });
});

describe('cloudflare_ai_gateway', () => {
  it('sends CLOUDFLARE_API_TOKEN as cf-aig-authorization to the /compat endpoint of the account and gateway, and no header without it', async () => {
    vi.stubEnv('CLOUDFLARE_ACCOUNT_ID', 'acct');
    vi.stubEnv('CLOUDFLARE_GATEWAY_ID', 'gw');
    vi.stubEnv('CLOUDFLARE_API_TOKEN', 'cf-token');
    const request = await sendChat('cloudflare_ai_gateway/openai/gpt-4o-mini');
    expect(request.url).toBe('https://gateway.ai.cloudflare.com/v1/acct/gw/compat/chat/completions');
    expect(request.headers.get('cf-aig-authorization')).toBe('Bearer cf-token');
    expect(((await request.json()) as { model: string }).model).toBe('openai/gpt-4o-mini');

    vi.stubEnv('CLOUDFLARE_API_TOKEN', '');
    const unauthenticated = await sendChat('cloudflare_ai_gateway/openai/gpt-4o-mini');
    expect(unauthenticated.headers.get('cf-aig-authorization')).toBeNull();
  });
});
