import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callInfo, createClient } from '../../../src/index.js';
import { sendJson, startMockServer, type MockServer } from '../../support/mock-server.js';

/** The nine search APIs added in issue 12, each in its documented wire format. */

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const keyFor = (id: string) => `key-${id}-0123456789`;
const clientFor = (id: string, urlVariables: Record<string, string> = {}) =>
  createClient({ providers: { [id]: { baseURL: `${server.url}/${id}`, apiKey: keyFor(id), urlVariables } }, maxRetries: 0 });
const lastRequest = () => {
  const request = server.requests.at(-1);
  if (request === undefined) throw new Error('no request reached the mock');
  return request;
};

describe('Serper', () => {
  it('POST /search with q (site: filters), num, lower-case gl and X-API-KEY; organic results mapped', async () => {
    server.handle(
      sendJson(200, {
        searchParameters: { q: 'rust', type: 'search' },
        organic: [
          { title: 'Rust', link: 'https://rust-lang.org', snippet: 'A language', position: 1, date: 'Jan 2, 2025' },
          { title: 'Docs', link: 'https://doc.rust-lang.org', snippet: 'The book', position: 2 },
        ],
        credits: 1,
      }),
    );
    const result = await clientFor('serper').search({
      model: 'serper/google',
      query: 'rust',
      max_results: 2,
      country: 'DE',
      search_domain_filter: ['rust-lang.org'],
      extra_body: { hl: 'de' },
    });
    const request = lastRequest();
    expect(request).toMatchObject({ method: 'POST', path: '/serper/search' });
    expect(request.headers['x-api-key']).toBe(keyFor('serper'));
    expect(request.body).toEqual({ q: 'rust site:rust-lang.org', num: 2, gl: 'de', hl: 'de' });
    expect(result).toEqual({
      object: 'search',
      model: 'serper/google',
      results: [
        { title: 'Rust', url: 'https://rust-lang.org', snippet: 'A language', date: 'Jan 2, 2025' },
        { title: 'Docs', url: 'https://doc.rust-lang.org', snippet: 'The book' },
      ],
    });
    expect(callInfo(result)).toMatchObject({ operation: 'search', provider: 'serper', model: 'google' });
  });
});

describe('SerpApi and SearchApi', () => {
  const answer = {
    search_metadata: { id: 'search-1', status: 'Success' },
    organic_results: [{ position: 1, title: 'Rust', link: 'https://rust-lang.org', snippet: 'A language', date: '2 days ago' }],
  };

  it('SerpApi: GET /search.json with engine, q, num, gl and the api_key query parameter', async () => {
    server.handle(sendJson(200, answer));
    const result = await clientFor('serpapi').search({
      model: 'serpapi/google',
      query: 'rust',
      max_results: 5,
      country: 'US',
      search_domain_filter: ['rust-lang.org', 'github.com'],
      extra_body: { hl: 'en', safe: 'active' },
    });
    const request = lastRequest();
    expect(request).toMatchObject({ method: 'GET', path: '/serpapi/search.json', bodyText: '' });
    expect(Object.fromEntries(request.query)).toEqual({
      engine: 'google',
      api_key: keyFor('serpapi'),
      q: 'rust (site:rust-lang.org OR site:github.com)',
      num: '5',
      gl: 'us',
      hl: 'en',
      safe: 'active',
    });
    expect(result).toEqual({
      object: 'search',
      id: 'search-1',
      model: 'serpapi/google',
      results: [{ title: 'Rust', url: 'https://rust-lang.org', snippet: 'A language', date: '2 days ago' }],
    });
  });

  it('SearchApi: GET /search with engine and bearer auth; no organic results is an empty list', async () => {
    server.handle(sendJson(200, answer));
    const result = await clientFor('searchapi').search({ model: 'searchapi/google', query: 'rust' });
    const request = lastRequest();
    expect(request).toMatchObject({ method: 'GET', path: '/searchapi/search' });
    expect(request.headers.authorization).toBe(`Bearer ${keyFor('searchapi')}`);
    expect(Object.fromEntries(request.query)).toEqual({ engine: 'google', q: 'rust' });
    expect(result.results).toHaveLength(1);

    server.handle(sendJson(200, { search_metadata: { id: 'search-2' }, search_information: { organic_results_state: 'Fully empty' } }));
    await expect(clientFor('searchapi').search({ model: 'searchapi/google', query: 'zzqx' })).resolves.toMatchObject({ results: [] });
  });

  it('an answer with an error and no results throws it', async () => {
    server.handle(sendJson(200, { error: "Google hasn't returned any results for this query." }));
    await expect(clientFor('serpapi').search({ model: 'serpapi/google', query: 'q' })).rejects.toMatchObject({
      provider: 'serpapi',
      message: expect.stringContaining("Google hasn't returned any results"),
    });
  });

  it('refuses a list in extra_body, which a query string cannot carry', async () => {
    await expect(
      clientFor('serpapi').search({ model: 'serpapi/google', query: 'q', extra_body: { tbs: ['a', 'b'] } }),
    ).rejects.toMatchObject({ name: 'BadRequestError', provider: 'serpapi', message: expect.stringContaining('"tbs"') });
    expect(server.requests).toHaveLength(0);
  });
});

describe('SearXNG', () => {
  it('GET /search with q and format=json, no key; max_results trims the answer, country is dropped with a warning', async () => {
    server.handle(
      sendJson(200, {
        query: 'rust',
        number_of_results: 0,
        results: [
          { url: 'https://rust-lang.org', title: 'Rust', content: 'A language', engine: 'duckduckgo', score: 2.5, publishedDate: '2025-01-01T00:00:00' },
          { url: 'https://docs.rs', title: 'Docs', content: 'Crates', engine: 'bing', score: 1 },
          { url: 'https://crates.io', title: 'Crates', content: 'Registry', engine: 'bing', score: 0.5 },
        ],
      }),
    );
    const result = await clientFor('searxng').search({
      model: 'searxng/search',
      query: 'rust',
      max_results: 2,
      country: 'DE',
      search_domain_filter: ['rust-lang.org'],
      extra_body: { language: 'de-DE', categories: 'general' },
    });
    const request = lastRequest();
    expect(request).toMatchObject({ method: 'GET', path: '/searxng/search' });
    expect(request.headers.authorization).toBeUndefined();
    expect(Object.fromEntries(request.query)).toEqual({
      format: 'json',
      q: 'rust site:rust-lang.org',
      language: 'de-DE',
      categories: 'general',
    });
    expect(result.results).toEqual([
      { title: 'Rust', url: 'https://rust-lang.org', snippet: 'A language', date: '2025-01-01T00:00:00', score: 2.5 },
      { title: 'Docs', url: 'https://docs.rs', snippet: 'Crates', score: 1 },
    ]);
    expect(callInfo(result).warnings).toEqual([expect.stringContaining('dropped "country"')]);
  });
});

describe('Google Programmable Search', () => {
  it('GET /v1 with cx from its URL variable, key, q, num and gl; items mapped, none found is empty', async () => {
    server.handle(
      sendJson(200, {
        kind: 'customsearch#search',
        items: [{ kind: 'customsearch#result', title: 'Rust', link: 'https://rust-lang.org', displayLink: 'rust-lang.org', snippet: 'A language' }],
      }),
    );
    const client = clientFor('google_pse', { engine_id: 'engine-7' });
    const result = await client.search({ model: 'google_pse/search', query: 'rust', max_results: 10, country: 'GB' });
    const request = lastRequest();
    expect(request).toMatchObject({ method: 'GET', path: '/google_pse/v1' });
    expect(Object.fromEntries(request.query)).toEqual({ cx: 'engine-7', key: keyFor('google_pse'), q: 'rust', num: '10', gl: 'gb' });
    expect(result).toEqual({
      object: 'search',
      model: 'google_pse/search',
      results: [{ title: 'Rust', url: 'https://rust-lang.org', snippet: 'A language' }],
    });

    server.handle(sendJson(200, { kind: 'customsearch#search', searchInformation: { totalResults: '0' } }));
    await expect(client.search({ model: 'google_pse/search', query: 'zzqx' })).resolves.toMatchObject({ results: [] });
  });

  it('refuses more than 10 results before sending', async () => {
    const client = clientFor('google_pse', { engine_id: 'engine-7' });
    await expect(client.search({ model: 'google_pse/search', query: 'rust', max_results: 20 })).rejects.toMatchObject({
      name: 'BadRequestError',
      provider: 'google_pse',
      message: expect.stringContaining('max_results'),
    });
    expect(server.requests).toHaveLength(0);
  });
});

describe('Linkup', () => {
  it('POST /search with q, depth, outputType, maxResults and includeDomains; country dropped with a warning', async () => {
    server.handle(
      sendJson(200, {
        results: [
          { type: 'text', name: 'Rust', url: 'https://rust-lang.org', content: 'A language' },
          { type: 'image', name: 'Logo', url: 'https://rust-lang.org/logo.png' },
        ],
      }),
    );
    const result = await clientFor('linkup').search({
      model: 'linkup/search',
      query: 'rust',
      max_results: 3,
      country: 'FR',
      search_domain_filter: ['rust-lang.org'],
      extra_body: { depth: 'deep', fromDate: '2025-01-01' },
    });
    const request = lastRequest();
    expect(request).toMatchObject({ method: 'POST', path: '/linkup/search' });
    expect(request.headers.authorization).toBe(`Bearer ${keyFor('linkup')}`);
    expect(request.body).toEqual({
      q: 'rust',
      depth: 'deep',
      outputType: 'searchResults',
      maxResults: 3,
      includeDomains: ['rust-lang.org'],
      fromDate: '2025-01-01',
    });
    expect(result.results).toEqual([
      { title: 'Rust', url: 'https://rust-lang.org', snippet: 'A language' },
      { title: 'Logo', url: 'https://rust-lang.org/logo.png' },
    ]);
    expect(callInfo(result).warnings).toEqual([expect.stringContaining('dropped "country"')]);
  });
});

describe('Firecrawl', () => {
  it('POST /v2/search with query (site: filters), limit and country; web then news results', async () => {
    server.handle(
      sendJson(200, {
        success: true,
        data: {
          web: [{ url: 'https://rust-lang.org', title: 'Rust', description: 'A language', position: 1 }],
          news: [{ url: 'https://news.example/rust', title: 'Rust 2', snippet: 'Released', date: '3 hours ago', position: 1 }],
        },
        creditsUsed: 2,
        id: 'fc-1',
      }),
    );
    const result = await clientFor('firecrawl').search({
      model: 'firecrawl/search',
      query: 'rust',
      max_results: 4,
      country: 'US',
      search_domain_filter: ['rust-lang.org'],
      extra_body: { sources: ['web', 'news'], tbs: 'qdr:w' },
    });
    const request = lastRequest();
    expect(request).toMatchObject({ method: 'POST', path: '/firecrawl/search' });
    expect(request.headers.authorization).toBe(`Bearer ${keyFor('firecrawl')}`);
    expect(request.body).toEqual({ query: 'rust site:rust-lang.org', limit: 4, country: 'US', sources: ['web', 'news'], tbs: 'qdr:w' });
    expect(result).toEqual({
      object: 'search',
      id: 'fc-1',
      model: 'firecrawl/search',
      results: [
        { title: 'Rust', url: 'https://rust-lang.org', snippet: 'A language' },
        { title: 'Rust 2', url: 'https://news.example/rust', snippet: 'Released', date: '3 hours ago' },
      ],
    });
  });

  it("reads v1's flat data list", async () => {
    server.handle(sendJson(200, { success: true, data: [{ url: 'https://a.example', title: 'A', description: 'a', markdown: '# A' }] }));
    const result = await clientFor('firecrawl').search({ model: 'firecrawl/search', query: 'a' });
    expect(result.results).toEqual([{ title: 'A', url: 'https://a.example', snippet: 'a' }]);
  });
});

describe('Jina Search', () => {
  it('POST / with q, num, gl, Accept: application/json and bearer auth; data mapped', async () => {
    server.handle(
      sendJson(200, {
        code: 200,
        status: 20000,
        data: [
          { title: 'Rust', url: 'https://rust-lang.org', description: 'A language', content: '# Rust\n...', date: 'Jan 1, 2025' },
          { title: 'Docs', url: 'https://docs.rs', content: 'Crates' },
        ],
        meta: { usage: { tokens: 1200 } },
      }),
    );
    const result = await clientFor('jina_search').search({
      model: 'jina_search/search',
      query: 'rust',
      max_results: 2,
      country: 'US',
      search_domain_filter: ['rust-lang.org', 'docs.rs'],
    });
    const request = lastRequest();
    expect(request).toMatchObject({ method: 'POST', path: '/jina_search/' });
    expect(request.headers.authorization).toBe(`Bearer ${keyFor('jina_search')}`);
    expect(request.headers.accept).toBe('application/json');
    expect(request.body).toEqual({ q: 'rust (site:rust-lang.org OR site:docs.rs)', num: 2, gl: 'US' });
    expect(result.results).toEqual([
      { title: 'Rust', url: 'https://rust-lang.org', snippet: 'A language', date: 'Jan 1, 2025' },
      { title: 'Docs', url: 'https://docs.rs', snippet: 'Crates' },
    ]);
  });
});

describe('Parallel', () => {
  it('POST /v1/search with objective, search_queries and advanced_settings; excerpts joined, search_id as id', async () => {
    server.handle(
      sendJson(200, {
        search_id: 'search_abc',
        session_id: 'session_1',
        results: [
          { url: 'https://rust-lang.org', title: 'Rust', publish_date: '2025-03-01', excerpts: ['Fast.', 'Safe.'] },
          { url: 'https://docs.rs', title: null, publish_date: null, excerpts: [] },
        ],
        warnings: null,
        usage: [{ name: 'sku_search', count: 1 }],
      }),
    );
    const result = await clientFor('parallel_ai').search({
      model: 'parallel_ai/search',
      query: 'rust language',
      max_results: 5,
      country: 'JP',
      search_domain_filter: ['rust-lang.org'],
      extra_body: { mode: 'basic' },
    });
    const request = lastRequest();
    expect(request).toMatchObject({ method: 'POST', path: '/parallel_ai/v1/search' });
    expect(request.headers['x-api-key']).toBe(keyFor('parallel_ai'));
    expect(request.body).toEqual({
      objective: 'rust language',
      search_queries: ['rust language'],
      advanced_settings: { max_results: 5, location: 'jp', source_policy: { include_domains: ['rust-lang.org'] } },
      mode: 'basic',
    });
    expect(result).toEqual({
      object: 'search',
      id: 'search_abc',
      model: 'parallel_ai/search',
      results: [
        { title: 'Rust', url: 'https://rust-lang.org', snippet: 'Fast. … Safe.', date: '2025-03-01' },
        { url: 'https://docs.rs' },
      ],
    });
  });

  it('sends no advanced_settings when the request sets none', async () => {
    server.handle(sendJson(200, { search_id: 's', results: [] }));
    await clientFor('parallel_ai').search({ model: 'parallel_ai/search', query: 'q' });
    expect(lastRequest().body).toEqual({ objective: 'q', search_queries: ['q'] });
  });
});
