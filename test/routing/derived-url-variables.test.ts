// A URL variable derived from another (`derivedFrom`) (Vertex AI's host follows its location): filled through
// createClient, checked when an entry is registered.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { providerRegistry } from '../../generated/registry.js';
import { createClient } from '../../src/index.js';
import { findProviderEntryProblems } from '../../src/registry/find-provider-entry-problems.js';
import type { ProviderEntry } from '../../generated/types/provider-entry.js';

afterEach(() => {
  vi.unstubAllEnvs();
});

/** The URL a chat call goes to, caught by a fetch that answers nothing. */
async function chatUrl(model: string, options: Parameters<typeof createClient>[0] = {}): Promise<string> {
  let url = '';
  const client = createClient({
    maxRetries: 0,
    ...options,
    fetch: async (input) => {
      url = String(input instanceof Request ? input.url : input);
      return new Response(JSON.stringify({ error: { code: 418, message: 'stop here', status: 'STOP' } }), { status: 418 });
    },
  });
  await client.chat({ model, messages: [{ role: 'user', content: 'Hi' }] }).catch(() => undefined);
  return url;
}

describe('Vertex AI hosts', () => {
  const vertex = { accessToken: 'ya29.test' };

  it.each([
    ['vertex_ai/gemini-2.5-flash', 'vertex_ai', '/publishers/google/models/gemini-2.5-flash:generateContent'],
    ['vertex_ai_anthropic/claude-sonnet-4-5@20250929', 'vertex_ai_anthropic', '/publishers/anthropic/models/claude-sonnet-4-5%4020250929:rawPredict'],
    ['vertex_ai_openai/meta/llama-3.3-70b-instruct-maas', 'vertex_ai_openai', '/endpoints/openapi/chat/completions'],
  ])('%s: location global is served from aiplatform.googleapis.com, a region from <region>-aiplatform', async (model, id, path) => {
    vi.stubEnv('VERTEXAI_PROJECT', 'my-project');
    vi.stubEnv('VERTEXAI_LOCATION', 'global');
    expect(await chatUrl(model, { providers: { [id]: vertex } })).toBe(
      `https://aiplatform.googleapis.com/v1/projects/my-project/locations/global${path}`,
    );
    vi.stubEnv('VERTEXAI_LOCATION', 'europe-west4');
    expect(await chatUrl(model, { providers: { [id]: vertex } })).toBe(
      `https://europe-west4-aiplatform.googleapis.com/v1/projects/my-project/locations/europe-west4${path}`,
    );
  });

  it('follows a location given as an option, and takes a host given as an option', async () => {
    vi.stubEnv('VERTEXAI_PROJECT', 'p');
    expect(await chatUrl('vertex_ai/gemini-2.5-flash', { providers: { vertex_ai: { ...vertex, urlVariables: { location: 'global' } } } })).toMatch(
      /^https:\/\/aiplatform\.googleapis\.com\/v1\/projects\/p\/locations\/global\//,
    );
    expect(await chatUrl('vertex_ai/gemini-2.5-flash', { providers: { vertex_ai: { ...vertex, urlVariables: { host: 'vertex.example' } } } })).toMatch(
      /^https:\/\/vertex\.example\/v1\/projects\/p\/locations\/us-central1\//,
    );
  });

  it('the registry default location is us-central1', async () => {
    vi.stubEnv('VERTEXAI_PROJECT', 'p');
    vi.stubEnv('VERTEXAI_LOCATION', '');
    expect(await chatUrl('vertex_ai/gemini-2.5-flash', { providers: { vertex_ai: vertex } })).toMatch(/^https:\/\/us-central1-aiplatform\.googleapis\.com\//);
    expect(providerRegistry.vertex_ai.urlVariables).toMatchObject({ host: { derivedFrom: 'location', values: { global: 'aiplatform.googleapis.com' } } });
  });
});

describe('derived URL variables in an entry', () => {
  const entry = (urlVariables: unknown): ProviderEntry =>
    ({
      id: 'acme',
      name: 'Acme',
      kind: 'hosted',
      baseURL: 'https://{host}/v1/{region}',
      urlVariables,
      auth: { scheme: 'bearer', envVar: 'ACME_API_KEY' },
      endpoints: { chat: { path: '/chat/completions' } },
    }) as ProviderEntry;

  it('fills the source value into the default template unless values names it', async () => {
    const acme = entry({ region: { envVar: 'ACME_REGION', default: 'eu-west' }, host: { derivedFrom: 'region', values: { world: 'api.acme.example' }, default: '{region}.acme.example' } });
    const options = { apiKeys: { acme: 'k' }, customProviders: [acme] };
    expect(await chatUrl('acme/m', options)).toBe('https://eu-west.acme.example/v1/eu-west/chat/completions');
    vi.stubEnv('ACME_REGION', 'world');
    expect(await chatUrl('acme/m', options)).toBe('https://api.acme.example/v1/world/chat/completions');
  });

  it('names the source variable when it has no value', async () => {
    const acme = entry({ region: { envVar: 'ACME_REGION' }, host: { derivedFrom: 'region', values: {}, default: '{region}.acme.example' } });
    const error = await createClient({ apiKeys: { acme: 'k' }, customProviders: [acme], maxRetries: 0 })
      .chat({ model: 'acme/m', messages: [{ role: 'user', content: 'x' }] })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'Configuration' });
    expect(String((error as Error).message)).toContain('{region} (set ACME_REGION or providers.acme.urlVariables.region)');
  });

  it.each([
    ['neither envVar nor derivedFrom', { region: { envVar: 'ACME_REGION' }, host: { default: 'x' } }, '/urlVariables/host', /exactly one of envVar .* and derivedFrom/],
    ['both envVar and derivedFrom', { region: { envVar: 'ACME_REGION' }, host: { envVar: 'ACME_HOST', derivedFrom: 'region' } }, '/urlVariables/host', /exactly one of envVar/],
    ['derived from an undeclared variable', { region: { envVar: 'ACME_REGION' }, host: { derivedFrom: 'zone', default: '{zone}.x' } }, '/urlVariables/host/derivedFrom', /"zone" is not a declared urlVariable/],
    ['derived from a derived variable', { region: { derivedFrom: 'host', default: 'x' }, host: { derivedFrom: 'region', default: 'y' } }, '/urlVariables/host/derivedFrom', /"region" is not a declared urlVariable with an envVar/],
    ['values without derivedFrom', { region: { envVar: 'ACME_REGION', values: { a: 'b' } }, host: { derivedFrom: 'region', default: '{region}' } }, '/urlVariables/region/values', /values belong to a derivedFrom variable/],
    ['a template naming an undeclared variable', { region: { envVar: 'ACME_REGION' }, host: { derivedFrom: 'region', default: '{zone}.x' } }, '/urlVariables/host/default', /placeholder \{zone\} is not declared/],
  ])('reports %s', (_name, urlVariables, path, message) => {
    const problems = findProviderEntryProblems(entry(urlVariables));
    expect(problems).toContainEqual({ path, message: expect.stringMatching(message) });
  });
});
