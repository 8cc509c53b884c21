import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createClient } from '../../../src/index.js';

/**
 * Anthropic refuses a browser's requests (CORS) unless they carry
 * `anthropic-dangerous-direct-browser-access: true`. liter-llm sends it only when the app opts in
 * with `providers.anthropic.dangerouslyAllowBrowser`, a name nobody sets by accident.
 */
const KEY = 'sk-ant-browser-canary-3e8f1a9c7d';
const HEADER = 'anthropic-dangerous-direct-browser-access';
const messages = [{ role: 'user' as const, content: 'hi' }];
const message = {
  id: 'msg_1',
  type: 'message',
  role: 'assistant',
  model: 'claude-sonnet-4-5',
  content: [{ type: 'text', text: 'ok' }],
  stop_reason: 'end_turn',
  usage: { input_tokens: 1, output_tokens: 1 },
};

function recordingFetch(status: number, body: unknown): { fetch: typeof fetch; headers: Array<Record<string, string>> } {
  const headers: Array<Record<string, string>> = [];
  return {
    headers,
    fetch: async (_url, init) => {
      headers.push(Object.fromEntries(new Headers(init?.headers).entries()));
      return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    },
  };
}

describe('providers.anthropic.dangerouslyAllowBrowser', () => {
  it('is off by default: no browser-access header', async () => {
    const wire = recordingFetch(200, message);
    await createClient({ apiKeys: { anthropic: KEY }, fetch: wire.fetch }).chat({ model: 'anthropic/claude-sonnet-4-5', messages });
    expect(wire.headers[0]?.['x-api-key']).toBe(KEY);
    expect(wire.headers[0]).not.toHaveProperty(HEADER);
  });

  it('sends the header when opted in, on every kind of call', async () => {
    const wire = recordingFetch(200, message);
    const client = createClient({ providers: { anthropic: { apiKey: KEY, dangerouslyAllowBrowser: true } }, fetch: wire.fetch });
    await client.chat({ model: 'anthropic/claude-sonnet-4-5', messages });
    await client.provider('anthropic').chat({ model: 'claude-sonnet-4-5', messages });
    expect(wire.headers.map((headers) => headers[HEADER])).toEqual(['true', 'true']);
  });

  it('false sends nothing', async () => {
    const wire = recordingFetch(200, message);
    await createClient({ providers: { anthropic: { apiKey: KEY, dangerouslyAllowBrowser: false } }, fetch: wire.fetch }).chat({
      model: 'anthropic/claude-sonnet-4-5',
      messages,
    });
    expect(wire.headers[0]).not.toHaveProperty(HEADER);
  });

  it('the key never appears in an error, even one that echoes it', async () => {
    const wire = recordingFetch(401, { type: 'error', error: { type: 'authentication_error', message: `invalid x-api-key ${KEY}` } });
    const client = createClient({ providers: { anthropic: { apiKey: KEY, dangerouslyAllowBrowser: true } }, fetch: wire.fetch, maxRetries: 0 });
    const error = await client.chat({ model: 'anthropic/claude-sonnet-4-5', messages }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'Authentication', provider: 'anthropic' });
    const shown = [JSON.stringify(error), String(error), inspect(error, { depth: 10, showHidden: true }), (error as Error).stack].join('\n');
    expect(shown).not.toContain(KEY);
    expect(wire.headers[0]?.[HEADER]).toBe('true');
  });

  it('refuses it on providers that do not speak Anthropic API (Bedrock, Vertex AI) and a non-boolean, naming the field', () => {
    expect(() => createClient({ providers: { bedrock: { dangerouslyAllowBrowser: true } } })).toThrow(
      expect.objectContaining({ kind: 'Configuration', message: expect.stringContaining('providers.bedrock.dangerouslyAllowBrowser applies only') }),
    );
    expect(() => createClient({ providers: { vertex_ai: { dangerouslyAllowBrowser: true } } })).toThrow(
      expect.objectContaining({ kind: 'Configuration', provider: 'vertex_ai' }),
    );
    expect(() => createClient({ providers: { anthropic: { dangerouslyAllowBrowser: 'yes' as unknown as boolean } } })).toThrow(
      expect.objectContaining({ kind: 'Configuration', message: 'providers.anthropic.dangerouslyAllowBrowser must be true or false, got "yes"' }),
    );
  });
});
