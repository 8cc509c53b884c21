import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { runCli } from '../../gateway/cli/run-cli.js';
import { chatChunk, chatResponse, sendJson, sendSse, startMockServer, type MockServer } from '../support/mock-server.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs the CLI in process; `stdin` is what is piped in (undefined: a terminal). */
async function cli(argv: string[], options: { env?: Record<string, string>; stdin?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const stdin = options.stdin === undefined ? Object.assign((async function* () {})(), { isTTY: true }) : (async function* () { yield Buffer.from(options.stdin as string); })();
  const code = await runCli(argv, {
    stdin,
    stdout: { write: (text: string) => (stdout += text) },
    stderr: { write: (text: string) => (stderr += text) },
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

describe('the liter-llm CLI', () => {
  let mock: MockServer;
  let dir: string;
  let config: string;
  const env = () => ({ OPENAI_API_KEY: 'sk-env-0123456789', LITER_LLM_TEST_BASE: `${mock.url}/v1` });

  beforeAll(async () => {
    mock = await startMockServer();
    dir = mkdtempSync(join(tmpdir(), 'liter-llm-cli-'));
    config = join(dir, 'gateway.yaml');
    writeFileSync(
      config,
      `models:
  - name: fast
    model: openai/gpt-4o-mini
    apiKey: sk-config-0123456789
    baseURL: \${LITER_LLM_TEST_BASE}
  - name: "openai/*"
client:
  providers: { openai: { baseURL: "\${LITER_LLM_TEST_BASE}" } }
  maxRetries: 0
`,
    );
  });
  afterAll(() => mock.close());
  afterEach(() => vi.unstubAllEnvs());
  beforeEach(() => {
    // The SDK reads provider keys from the process environment; the CLI's env is for the config.
    vi.stubEnv('OPENAI_API_KEY', 'sk-env-0123456789');
    mock.requests.length = 0;
    mock.handle(sendJson(200, chatResponse('Hello there', { model: 'gpt-4o-mini' })));
  });

  it('chats through a configured name: the alias becomes its deployment, with the entry key', async () => {
    const result = await cli(['chat', '-m', 'fast', '--config', config, '--system', 'Be brief.', 'Say', 'hi'], { env: env() });
    expect(result).toEqual({ code: 0, stdout: 'Hello there\n', stderr: '' });
    expect(mock.requests[0]?.path).toBe('/v1/chat/completions');
    expect(mock.requests[0]?.headers.authorization).toBe('Bearer sk-config-0123456789');
    expect(mock.requests[0]?.body).toMatchObject({
      model: 'gpt-4o-mini',
      messages: [
        { role: 'system', content: 'Be brief.' },
        { role: 'user', content: 'Say hi' },
      ],
    });
  });

  it('reads the prompt from stdin and streams deltas as they arrive, with LITER_LLM_CONFIG as the default config', async () => {
    mock.handle(sendSse([chatChunk('Hel'), chatChunk('lo'), chatChunk(undefined, 'stop')]));
    const result = await cli(['chat', '-m', 'openai/gpt-4o', '--stream'], { env: { ...env(), LITER_LLM_CONFIG: config }, stdin: 'from stdin\n' });
    expect(result).toEqual({ code: 0, stdout: 'Hello\n', stderr: '' });
    expect(mock.requests[0]?.body).toMatchObject({ model: 'gpt-4o', stream: true, messages: [{ role: 'user', content: 'from stdin\n' }] });
    expect(mock.requests[0]?.headers.authorization).toBe('Bearer sk-env-0123456789');
  });

  it('fails with exit code 1 and the typed error message, never the key', async () => {
    mock.handle(sendJson(401, { error: { message: 'Incorrect API key provided: sk-confi*****6789', type: 'invalid_request_error' } }));
    const result = await cli(['chat', '-m', 'fast', '--config', config, 'hi'], { env: env() });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^liter-llm: AuthenticationError: /);
    expect(result.stderr).not.toContain('sk-config-0123456789');
  });

  it('exits 2 on a bad config, printing every problem with its path', async () => {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'models:\n  - name: fast\n    model: gorq/llama-3.3-70b-versatile\n');
    const result = await cli(['chat', '-m', 'fast', '--config', bad, 'hi']);
    expect(result).toEqual({ code: 2, stdout: '', stderr: `${bad}: models[0].model: unknown provider "gorq"; did you mean "groq"?\n` });
    expect(mock.requests).toHaveLength(0);
  });

  it('exits 2 on bad usage: no model, no prompt, an unknown option or command, no command', async () => {
    for (const argv of [['chat', 'hi'], ['chat', '-m', 'openai/gpt-4o'], ['chat', '-m', 'x', '--temperature', '1', 'hi'], ['serv'], []]) {
      const result = await cli(argv);
      expect(result.code, argv.join(' ')).toBe(2);
    }
    expect((await cli(['serv'])).stderr).toContain('unknown command "serv"');
    expect((await cli(['chat', '-m', 'openai/gpt-4o'])).stderr).toContain('chat needs a prompt');
    expect(mock.requests).toHaveLength(0);
  });

  it('lists models live from a provider, the configured names, or the registry', async () => {
    mock.handle(sendJson(200, { object: 'list', data: [{ id: 'gpt-4o', object: 'model', created: 1, owned_by: 'openai' }, { id: 'o3', object: 'model', created: 2, owned_by: 'openai' }] }));
    expect(await cli(['models', '--provider', 'openai', '--config', config], { env: env() })).toEqual({ code: 0, stdout: 'gpt-4o\no3\n', stderr: '' });
    expect(mock.requests[0]?.path).toBe('/v1/models');
    expect(await cli(['models', '--config', config, '--json'], { env: env() })).toEqual({ code: 0, stdout: '[\n  "fast"\n]\n', stderr: '' });
    const registry = await cli(['models']);
    expect(registry.stdout.split('\n')).toContain('groq/llama-3.3-70b-versatile');
  });

  it('lists providers with their key variable and endpoints', async () => {
    const result = await cli(['providers', '--json']);
    const rows = JSON.parse(result.stdout) as Array<{ id: string; envVar?: string; endpoints: string[] }>;
    expect(rows.find((row) => row.id === 'groq')).toMatchObject({ envVar: 'GROQ_API_KEY', endpoints: expect.arrayContaining(['chat', 'models']) });
    expect((await cli(['providers'])).stdout).toMatch(/^openai +OPENAI_API_KEY +.*chat/m);
  });

  it('runs as a command: exit codes and stdin through a real process', () => {
    const bad = join(dir, 'missing-var.yaml');
    writeFileSync(bad, 'models:\n  - name: a\n    model: openai/gpt-4o\n    apiKey: ${NO_SUCH_KEY_VAR}\n');
    const tsx = join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs');
    const run = spawnSync(process.execPath, [tsx, join(root, 'gateway', 'cli', 'main.ts'), 'models', '--config', bad], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`${bad}: models[0].apiKey: environment variable NO_SUCH_KEY_VAR is not set\n`);
    const version = spawnSync(process.execPath, [tsx, join(root, 'gateway', 'cli', 'main.ts'), '--version'], { encoding: 'utf8' });
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
  });
});
