import { describe, expect, it } from 'vitest';

import { buildCatalogIr } from '../../codegen/catalog/build-catalog-ir.js';
import { compareWithCatalog, formatDisagreement, readDisagreementReasons, summarizeCatalogReport } from '../../codegen/catalog/compare-with-catalog.js';
import { loadInputs } from '../../codegen/load-inputs.js';
import type { ProviderEntry } from '../../generated/types/provider-entry.js';

const entry = (extra: Partial<ProviderEntry> = {}): ProviderEntry => ({
  id: 'acme',
  name: 'Acme',
  kind: 'hosted',
  baseURL: 'https://api.acme.example/v1',
  auth: { scheme: 'bearer', envVar: 'ACME_API_KEY' },
  endpoints: { chat: { path: '/chat/completions' } },
  ...extra,
});
const openAiCompatible = { api: 'https://api.acme.example/v1/', env: ['ACME_API_KEY'], npm: '@ai-sdk/openai-compatible' };

describe('compareWithCatalog', () => {
  it('finds nothing when the base URL (up to a trailing slash) and the key variable agree', () => {
    expect(compareWithCatalog(entry(), 'acme-ai', openAiCompatible, {})).toEqual([]);
  });

  it('reports a different base URL and key variable, with the declared reason when there is one', () => {
    const catalog = { ...openAiCompatible, api: 'https://api.acme.example/openai', env: ['ACME_KEY'] };
    const found = compareWithCatalog(entry(), 'acme-ai', catalog, { acme: { envVar: 'Acme documents ACME_API_KEY' } });
    expect(found).toEqual([
      { provider: 'acme', catalogProvider: 'acme-ai', field: 'baseURL', ours: 'https://api.acme.example/v1', theirs: 'https://api.acme.example/openai' },
      { provider: 'acme', catalogProvider: 'acme-ai', field: 'envVar', ours: 'ACME_API_KEY', theirs: 'ACME_KEY', reason: 'Acme documents ACME_API_KEY' },
    ]);
    expect(found.map(formatDisagreement)).toEqual([
      'acme baseURL: https://api.acme.example/v1; models.dev acme-ai: https://api.acme.example/openai; no reason declared (schemas/catalog/provider-map.json: disagreements.acme.baseURL)',
      'acme envVar: ACME_API_KEY; models.dev acme-ai: ACME_KEY; explained: Acme documents ACME_API_KEY',
    ]);
  });

  it('compares URL placeholders through their environment variables, and checks those without a default', () => {
    const account = entry({
      baseURL: 'https://{account}.acme.example/{version}',
      urlVariables: { account: { envVar: 'ACME_ACCOUNT' }, version: { envVar: 'ACME_VERSION', default: 'v1' } },
    });
    const catalog = { ...openAiCompatible, api: 'https://${ACME_ACCOUNT}.acme.example/{ACME_VERSION}', env: ['ACME_ACCOUNT', 'ACME_API_KEY'] };
    expect(compareWithCatalog(account, 'acme-ai', catalog, {})).toEqual([]);
    const renamed = compareWithCatalog(account, 'acme-ai', { ...catalog, env: ['ACME_ACCOUNT_ID', 'ACME_API_KEY'] }, {});
    expect(renamed.map((found) => [found.field, found.ours, found.theirs])).toEqual([['envVar', 'ACME_API_KEY, ACME_ACCOUNT', 'ACME_ACCOUNT_ID, ACME_API_KEY']]);
  });

  it('compares the URL only with an entry of the wire format the catalogue URL speaks', () => {
    const anthropicEntry = entry({ dialect: 'anthropic', baseURL: 'https://api.acme.example/anthropic/v1', endpoints: { chat: { path: '/messages' } } });
    // The vendor's OpenAI-compatible URL says nothing about its Anthropic-compatible endpoint...
    expect(compareWithCatalog(anthropicEntry, 'acme-ai', openAiCompatible, {})).toEqual([]);
    // ...but an Anthropic-compatible catalogue URL does.
    const anthropicCatalog = { ...openAiCompatible, npm: '@ai-sdk/anthropic', api: 'https://api.acme.example/claude/v1' };
    expect(compareWithCatalog(anthropicEntry, 'acme-ai', anthropicCatalog, {}).map((found) => found.field)).toEqual(['baseURL']);
    expect(compareWithCatalog(entry(), 'acme-ai', anthropicCatalog, {})).toEqual([]);
    // A provider package of its own (no `api` to compare) and an entry without a key are left alone.
    expect(compareWithCatalog(entry(), 'acme-ai', { env: ['OTHER'], npm: '@acme/ai-sdk-provider' }, {}).map((found) => found.field)).toEqual(['envVar']);
    expect(compareWithCatalog(entry({ auth: { scheme: 'none' } }), 'acme-ai', { ...openAiCompatible, env: ['OTHER'] }, {})).toEqual([]);
  });
});

describe('readDisagreementReasons', () => {
  const file = (disagreements: unknown) => ({ path: 'schemas/catalog/provider-map.json', data: { providers: {}, disagreements } });

  it('reads reasons by provider and field; none declared is none', () => {
    expect(readDisagreementReasons(file({ acme: { baseURL: 'why', envVar: 'because' } }))).toEqual({ acme: { baseURL: 'why', envVar: 'because' } });
    expect(readDisagreementReasons({ path: 'x', data: { providers: {} } })).toEqual({});
  });

  it('fails naming the file on an unknown field or an empty reason', () => {
    const message = 'schemas/catalog/provider-map.json: disagreements must be { "<our id>": { "baseURL"?: "<reason>", "envVar"?: "<reason>" } }';
    expect(() => readDisagreementReasons(file({ acme: { models: 'why' } }))).toThrow(message);
    expect(() => readDisagreementReasons(file({ acme: { envVar: '' } }))).toThrow(message);
    expect(() => readDisagreementReasons(file(['acme']))).toThrow(message);
  });
});

describe('buildCatalogIr with declared reasons', () => {
  const catalog = (reasons: Record<string, Record<string, string>>) => ({
    snapshot: { path: 'schemas/catalog/api.json', data: { 'acme-ai': { ...openAiCompatible, env: ['ACME_KEY'], models: {} } } },
    providerMap: { path: 'schemas/catalog/provider-map.json', data: { providers: { acme: 'acme-ai' }, disagreements: reasons } },
  });

  it('lists the disagreements of mapped entries with their reasons, and the reasons with nothing to explain', () => {
    const ir = buildCatalogIr(catalog({ acme: { envVar: 'documented so', baseURL: 'no longer differs' }, gone: { envVar: 'removed entry' } }), [entry()]);
    expect(ir.disagreements).toEqual([
      { provider: 'acme', catalogProvider: 'acme-ai', field: 'envVar', ours: 'ACME_API_KEY', theirs: 'ACME_KEY', reason: 'documented so' },
    ]);
    expect(ir.staleReasons).toEqual(['acme.baseURL', 'gone.envVar']);
  });
});

describe('summarizeCatalogReport', () => {
  it('prints nothing for an empty report, every line under a count, and warns when one is unexplained', () => {
    expect(summarizeCatalogReport([])).toEqual({ summary: [] });
    const explained = 'acme envVar: A; models.dev acme-ai: B; explained: documented so';
    expect(summarizeCatalogReport([explained])).toEqual({ summary: ['registry vs model catalogue: 1 explained, 0 not', `  ${explained}`] });
    const unexplained = 'acme baseURL: x; models.dev acme-ai: y; no reason declared (schemas/catalog/provider-map.json: disagreements.acme.baseURL)';
    expect(summarizeCatalogReport([explained, unexplained])).toEqual({
      summary: ['registry vs model catalogue: 1 explained, 1 not', `  ${explained}`, `  ${unexplained}`],
      warning: 'warning: 1 registry/catalogue difference(s) without a declared reason',
    });
  });
});
describe('the project registry against its model catalogue', () => {
  it('has a declared reason for every disagreement, and no reason left over', () => {
    const inputs = loadInputs({ rootDir: '.' });
    if (inputs.catalog === undefined) throw new Error('schemas/catalog/ is missing');
    const registry = (inputs.registry.data as { providers: ProviderEntry[] }).providers;
    const ir = buildCatalogIr(inputs.catalog, registry);
    expect(ir.disagreements.filter((found) => found.reason === undefined).map(formatDisagreement)).toEqual([]);
    expect(ir.staleReasons).toEqual([]);
  });
});
