import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGatewayClientOptions } from '../../gateway/config/create-gateway-client-options.js';
import { GatewayConfigError } from '../../gateway/config/gateway-config-error.js';
import { loadGatewayConfig, parseGatewayConfig } from '../../gateway/config/load-gateway-config.js';

const problemsOf = (text: string, env: Record<string, string> = {}, file = 'gateway.yaml'): string[] => {
  try {
    parseGatewayConfig(file, text, env);
  } catch (error) {
    expect(error).toBeInstanceOf(GatewayConfigError);
    expect(error).toMatchObject({ name: 'ConfigurationError', kind: 'Configuration' });
    return (error as GatewayConfigError).problems.map((problem) => `${problem.path}: ${problem.message}`);
  }
  throw new Error('the config was accepted');
};

describe('loadGatewayConfig', () => {
  it('reads the YAML of the issue, interpolates ${VAR}, fills the defaults', () => {
    const config = parseGatewayConfig(
      'gateway.yaml',
      `masterKey: \${MASTER}
server: { port: 4100, cors: [https://app.example.com] }
store: { redis: redis://127.0.0.1:6379 }
models:
  - name: fast
    model: groq/llama-3.3-70b-versatile
    apiKey: \${GROQ_KEY}
  - name: "openai/*"
keys:
  - name: team-a
    key: \${TEAM_A_KEY}
    models: [fast]
    rpm: 60
    tpm: 100000
    budgetUsd: 10
    budgetPeriod: 30d
client: { costTracking: true, cache: { ttlMs: 60000 } }
`,
      { MASTER: 'master-secret', GROQ_KEY: 'gsk-1234', TEAM_A_KEY: 'sk-team-a-0001' },
    );
    expect(config.masterKey).toBe('master-secret');
    expect(config.server).toEqual({ host: '127.0.0.1', port: 4100, bodyLimitBytes: 10_485_760, cors: ['https://app.example.com'], shutdownGraceMs: 10_000, publicMetrics: false });
    expect(config.models[0]).toEqual({ name: 'fast', model: 'groq/llama-3.3-70b-versatile', apiKey: 'gsk-1234' });
    expect(config.keys[0]?.key).toBe('sk-team-a-0001');
    expect(config.store.redis).toBe('redis://127.0.0.1:6379');
  });

  it('reads JSON by its extension, and `$${` is a literal `${`', () => {
    const config = parseGatewayConfig('gateway.json', JSON.stringify({ models: [{ name: 'a', model: 'openai/gpt-4o', apiKey: 'x$${NOT}y' }] }), {});
    expect(config.models[0]?.apiKey).toBe('x${NOT}y');
  });

  it('names the path of the issue example: unknown provider with a suggestion', () => {
    expect(problemsOf('models:\n  - name: a\n    model: openai/gpt-4o\n  - name: fast\n    model: gorq/llama-3.3-70b-versatile\n')).toEqual([
      'models[1].model: unknown provider "gorq"; did you mean "groq"?',
    ]);
  });

  it('names the path and the variable of a missing ${VAR}, never going on with an empty key', () => {
    expect(problemsOf('models:\n  - name: a\n    model: openai/gpt-4o\n    apiKey: ${OPENAI_KEY}\n', { OPENAI_KEY: '' })).toEqual([
      'models[0].apiKey: environment variable OPENAI_KEY is not set',
    ]);
  });

  it('reports schema problems at bracket paths, every one at once, with a suggestion for a misspelt property', () => {
    expect(
      problemsOf(`models:
  - name: a
    model: openai/gpt-4o
keys:
  - name: k
    key: sk-0123456789
    rpn: 60
    tpm: -1
    budgetPeriod: monthly
server: { port: 99999 }
`),
    ).toEqual([
      'server.port: must be <= 65535',
      'keys[0].rpn: unknown property; did you mean "rpm"?',
      'keys[0].tpm: must be >= 1',
      'keys[0].budgetPeriod: does not match ^[1-9][0-9]*(s|m|h|d|w)$ (A duration: 30s, 15m, 1h, 7d, 2w.)',
    ]);
  });

  it('checks what keys refer to, key uniqueness and one of key/keyHash, without repeating a key in a message', () => {
    const problems = problemsOf(`models:
  - name: fast
    model: groq/llama-3.3-70b-versatile
  - name: "anthropic/*"
keys:
  - name: a
    key: sk-same-secret-1
    models: [fsat, anthropic/claude-sonnet-4-5, "openai/*"]
  - name: a
    key: sk-same-secret-1
  - name: c
  - name: d
    key: sk-other-secret
    keyHash: sha256:${'0'.repeat(64)}
    budgetPeriod: 7d
`);
    expect(problems).toEqual([
      'keys[0].models[0]: "fsat" is not a configured model name; did you mean "fast"?',
      'keys[1].name: "a" is also the name of keys[0]',
      'keys[1].key: the same key as keys[0]',
      'keys[2]: give exactly one of key and keyHash',
      'keys[3]: give exactly one of key and keyHash',
      'keys[3].budgetPeriod: needs budgetUsd',
    ]);
    expect(problems.join('\n')).not.toContain('sk-same-secret-1');
  });

  it('requires model unless the name is a pattern, and refuses a model on a pattern', () => {
    expect(problemsOf('models:\n  - name: fast\n  - name: "openai/*"\n    model: openai/gpt-4o\n  - name: gpt\n    model: gpt-4o\n')).toEqual([
      'models[0].model: is required unless name is a pattern such as "openai/*"',
      'models[1].model: a pattern passes the requested model through; remove model',
      'models[2].model: "gpt-4o" names no provider: write it as provider/model (e.g. "openai/gpt-4o")',
    ]);
  });

  it('checks the client section with createClient and reports it under client', () => {
    const problems = problemsOf('models:\n  - name: a\n    model: openai/gpt-4o\nclient:\n  maxRetries: 50\n');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^client: .*maxRetries/);
  });

  it('reports a file it cannot read or parse, naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gateway-config-'));
    await expect(loadGatewayConfig(join(dir, 'missing.yaml'), {})).rejects.toThrow(`${join(dir, 'missing.yaml')}: cannot read the config: no such file`);
    writeFileSync(join(dir, 'bad.yaml'), 'models: [\n');
    await expect(loadGatewayConfig(join(dir, 'bad.yaml'), {})).rejects.toThrow(/bad\.yaml: not valid YAML/);
    writeFileSync(join(dir, 'dup.yaml'), 'models: []\nmodels: []\n');
    await expect(loadGatewayConfig(join(dir, 'dup.yaml'), {})).rejects.toThrow(/not valid YAML/);
  });
});

describe('createGatewayClientOptions', () => {
  it('makes each configured name a router alias whose deployments keep their own key and base URL', () => {
    const config = parseGatewayConfig(
      'g.yaml',
      `models:
  - name: smart
    model: openai/gpt-4o
    apiKey: key-a
  - name: smart
    model: azure/gpt-4o
    baseURL: https://eu.example.com/openai
  - name: "groq/*"
    apiKey: gsk-pattern
client: { providers: { openai: { headers: { x-team: a } } } }
`,
      {},
    );
    const options = createGatewayClientOptions(config);
    expect(options.router).toEqual({
      smart: { deployments: [{ model: 'openai/gpt-4o', apiKey: 'key-a' }, { model: 'azure/gpt-4o', baseURL: 'https://eu.example.com/openai' }] },
    });
    expect(options.providers).toEqual({ openai: { headers: { 'x-team': 'a' } }, groq: { apiKey: 'gsk-pattern' } });
  });
});
