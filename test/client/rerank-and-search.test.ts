import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callInfo, createClient } from '../../src/index.js';
import { sendJson, startMockServer, type MockServer } from '../support/mock-server.js';

let server: MockServer;

beforeAll(async () => {
  server = await startMockServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const documents = ['Paris is the capital of France.', 'Bananas are yellow.', { text: 'France borders Spain.' }];

const providerClient = (id: string, path = '') =>
  createClient({
    providers: { [id]: { baseURL: `${server.url}${path}`, apiKey: `key-${id}-0123456789` } },
    maxRetries: 0,
  });

describe('rerank', () => {
  it('OpenAI-style /rerank (vLLM, gateways): request as given, results as received', async () => {
    server.handle(
      sendJson(200, {
        id: 'rerank-1',
        model: 'BAAI/bge-reranker-v2-m3',
        usage: { total_tokens: 30 },
        results: [
          { index: 0, relevance_score: 0.98, document: { text: documents[0] } },
          { index: 2, relevance_score: 0.4, document: { text: 'France borders Spain.' } },
        ],
      }),
    );
    const result = await providerClient('vllm', '/v1').rerank({
      model: 'vllm/BAAI/bge-reranker-v2-m3',
      query: 'capital of France',
      documents,
      top_n: 2,
      return_documents: true,
    });
    expect(result.results.map((item) => [item.index, item.relevance_score])).toEqual([
      [0, 0.98],
      [2, 0.4],
    ]);
    expect(result.usage?.total_tokens).toBe(30);
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/v1/rerank',
      body: {
        model: 'BAAI/bge-reranker-v2-m3',
        query: 'capital of France',
        documents,
        top_n: 2,
        return_documents: true,
      },
    });
    expect(callInfo(result)).toMatchObject({ operation: 'rerank', provider: 'vllm' });
  });

  it('Cohere /v2/rerank: string documents, documents attached from the request, search units as usage', async () => {
    server.handle(
      sendJson(200, {
        id: 'co-1',
        results: [
          { index: 2, relevance_score: 0.9 },
          { index: 0, relevance_score: 0.7 },
        ],
        meta: { api_version: { version: '2' }, billed_units: { search_units: 1 } },
      }),
    );
    const result = await providerClient('cohere').rerank({
      model: 'cohere/rerank-v3.5',
      query: 'France',
      documents,
      top_n: 2,
      return_documents: true,
      max_tokens_per_doc: 512,
    });
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/v2/rerank' });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer key-cohere-0123456789');
    expect(server.requests[0]?.body).toEqual({
      model: 'rerank-v3.5',
      query: 'France',
      documents: ['Paris is the capital of France.', 'Bananas are yellow.', 'France borders Spain.'],
      top_n: 2,
      max_tokens_per_doc: 512,
    });
    expect(result).toEqual({
      id: 'co-1',
      model: 'rerank-v3.5',
      results: [
        { index: 2, relevance_score: 0.9, document: { text: 'France borders Spain.' } },
        { index: 0, relevance_score: 0.7, document: { text: 'Paris is the capital of France.' } },
      ],
      usage: { search_units: 1 },
      meta: { api_version: { version: '2' }, billed_units: { search_units: 1 } },
    });
  });

  it('Cohere: serialises object documents without text and reports it', async () => {
    server.handle(sendJson(200, { id: 'co-2', results: [{ index: 0, relevance_score: 0.5 }] }));
    const result = await providerClient('cohere').rerank({
      model: 'cohere/rerank-v3.5',
      query: 'q',
      documents: [{ title: 'T', body: 'B' }],
      rank_fields: ['title'],
    });
    expect((server.requests[0]?.body as { documents: string[] }).documents).toEqual(['{"title":"T","body":"B"}']);
    expect(result.results[0]?.document).toBeUndefined();
    expect(callInfo(result).warnings).toEqual([
      'serialised 1 object document(s) as JSON text: the provider accepts only strings',
      'dropped "rank_fields": Cohere v2 ranks whole documents',
    ]);
  });

  it('Voyage /v1/rerank: top_k and data mapped to results', async () => {
    server.handle(
      sendJson(200, {
        object: 'list',
        data: [{ relevance_score: 0.8, index: 1, document: 'Bananas are yellow.' }],
        model: 'rerank-2.5',
        usage: { total_tokens: 12 },
      }),
    );
    const result = await providerClient('voyage', '/v1').rerank({
      model: 'voyage/rerank-2.5',
      query: 'fruit',
      documents,
      top_n: 1,
      return_documents: true,
    });
    expect(server.requests[0]).toMatchObject({ path: '/v1/rerank' });
    expect(server.requests[0]?.body).toEqual({
      model: 'rerank-2.5',
      query: 'fruit',
      documents: ['Paris is the capital of France.', 'Bananas are yellow.', 'France borders Spain.'],
      top_k: 1,
      return_documents: true,
    });
    expect(result).toEqual({
      object: 'list',
      model: 'rerank-2.5',
      results: [{ index: 1, relevance_score: 0.8, document: { text: 'Bananas are yellow.' } }],
      usage: { total_tokens: 12 },
    });
  });

  it('Jina /v1/rerank: the OpenAI-style shape', async () => {
    server.handle(
      sendJson(200, {
        model: 'jina-reranker-m0',
        usage: { total_tokens: 9 },
        results: [{ index: 0, relevance_score: 0.6, document: { text: 'a' } }],
      }),
    );
    const result = await providerClient('jina', '/v1').rerank({
      model: 'jina/jina-reranker-m0',
      query: 'q',
      documents: ['a'],
      return_documents: true,
    });
    expect(server.requests[0]).toMatchObject({
      path: '/v1/rerank',
      body: { model: 'jina-reranker-m0', query: 'q', documents: ['a'], return_documents: true },
    });
    expect(result.results[0]?.relevance_score).toBe(0.6);
  });

  it('maps a 401 and rejects a result list that does not fit', async () => {
    server.handle(sendJson(401, { message: 'invalid api token' }));
    await expect(
      providerClient('cohere').rerank({ model: 'cohere/rerank-v3.5', query: 'q', documents: ['a'] }),
    ).rejects.toMatchObject({
      name: 'AuthenticationError',
      status: 401,
    });
    server.handle(sendJson(200, { data: 'nope' }));
    await expect(
      providerClient('voyage').rerank({ model: 'voyage/rerank-2', query: 'q', documents: ['a'] }),
    ).rejects.toMatchObject({
      name: 'InvalidResponseError',
    });
  });
});

describe('search', () => {
  it('gateway: POST /search with the request as given', async () => {
    server.handle(
      sendJson(200, {
        results: [{ title: 'Rust', url: 'https://rust-lang.org', snippet: 'Reliable software' }],
        model: 'brave/web-search',
      }),
    );
    const gateway = createClient({ baseURL: `${server.url}/gw`, apiKey: 'gateway-key-1234' });
    const result = await gateway.search({ model: 'brave/web-search', query: 'rust', max_results: 2 });
    expect(result.results[0]?.url).toBe('https://rust-lang.org');
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/gw/search',
      body: { model: 'brave/web-search', query: 'rust', max_results: 2 },
    });
  });

  it('Brave: GET with q, count, country, site: filters and its subscription header', async () => {
    server.handle(
      sendJson(200, {
        type: 'search',
        web: {
          results: [
            {
              title: 'The Rust Book',
              url: 'https://doc.rust-lang.org/book',
              description: 'Learn <strong>Rust</strong>',
              page_age: '2024-05-01T00:00:00',
            },
            { title: 'Rustlings', url: 'https://github.com/rust-lang/rustlings', description: 'Exercises' },
          ],
        },
      }),
    );
    const result = await providerClient('brave', '/res/v1').search({
      model: 'brave/web-search',
      query: 'rust book',
      max_results: 2,
      country: 'DE',
      search_domain_filter: ['rust-lang.org', 'github.com'],
      extra_body: { safesearch: 'strict' },
    });
    const [request] = server.requests;
    expect(request).toMatchObject({ method: 'GET', path: '/res/v1/web/search' });
    expect(request?.bodyText).toBe('');
    expect(Object.fromEntries(request?.query ?? [])).toEqual({
      q: 'rust book (site:rust-lang.org OR site:github.com)',
      count: '2',
      country: 'DE',
      safesearch: 'strict',
    });
    expect(request?.headers['x-subscription-token']).toBe('key-brave-0123456789');
    expect(result).toEqual({
      object: 'search',
      model: 'brave/web-search',
      results: [
        {
          title: 'The Rust Book',
          url: 'https://doc.rust-lang.org/book',
          snippet: 'Learn <strong>Rust</strong>',
          date: '2024-05-01T00:00:00',
        },
        { title: 'Rustlings', url: 'https://github.com/rust-lang/rustlings', snippet: 'Exercises' },
      ],
    });
    expect(callInfo(result)).toMatchObject({ operation: 'search', provider: 'brave', model: 'web-search' });
  });

  it('Tavily: POST with include_domains and bearer auth; content and score mapped', async () => {
    server.handle(
      sendJson(200, {
        query: 'rust',
        request_id: 'req-9',
        results: [
          {
            title: 'Rust',
            url: 'https://rust-lang.org',
            content: 'A language',
            score: 0.93,
            published_date: '2025-01-02',
          },
        ],
      }),
    );
    const result = await providerClient('tavily').search({
      model: 'tavily/search',
      query: 'rust',
      max_results: 3,
      search_domain_filter: ['rust-lang.org'],
      extra_body: { search_depth: 'advanced' },
    });
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/search' });
    expect(server.requests[0]?.headers.authorization).toBe('Bearer key-tavily-0123456789');
    expect(server.requests[0]?.body).toEqual({
      query: 'rust',
      max_results: 3,
      include_domains: ['rust-lang.org'],
      search_depth: 'advanced',
    });
    expect(result).toEqual({
      object: 'search',
      id: 'req-9',
      model: 'tavily/search',
      results: [
        { title: 'Rust', url: 'https://rust-lang.org', snippet: 'A language', date: '2025-01-02', score: 0.93 },
      ],
    });
  });

  it('Exa: POST with numResults, includeDomains, userLocation and x-api-key', async () => {
    server.handle(
      sendJson(200, {
        requestId: 'exa-1',
        results: [
          {
            title: 'Rust',
            url: 'https://rust-lang.org',
            publishedDate: '2024-01-01',
            score: 0.5,
            highlights: ['fast', 'safe'],
          },
          { title: 'Docs', url: 'https://docs.rs', summary: 'Crate docs' },
        ],
      }),
    );
    const result = await providerClient('exa').search({
      model: 'exa/search',
      query: 'rust',
      max_results: 2,
      search_domain_filter: ['rust-lang.org'],
      country: 'US',
    });
    expect(server.requests[0]).toMatchObject({ method: 'POST', path: '/search' });
    expect(server.requests[0]?.headers['x-api-key']).toBe('key-exa-0123456789');
    expect(server.requests[0]?.body).toEqual({
      query: 'rust',
      numResults: 2,
      includeDomains: ['rust-lang.org'],
      userLocation: 'US',
    });
    expect(result.results).toEqual([
      { title: 'Rust', url: 'https://rust-lang.org', snippet: 'fast … safe', date: '2024-01-01', score: 0.5 },
      { title: 'Docs', url: 'https://docs.rs', snippet: 'Crate docs' },
    ]);
    expect(result.id).toBe('exa-1');
  });

  it('Perplexity Search: the gateway shape without model', async () => {
    server.handle(
      sendJson(200, {
        id: 'p-1',
        results: [{ title: 'T', url: 'https://t.example', snippet: 'S', date: '2025-02-02', last_updated: null }],
      }),
    );
    const result = await providerClient('perplexity_search').search({
      model: 'perplexity_search/search',
      query: 'q',
      max_results: 1,
      country: 'US',
    });
    expect(server.requests[0]).toMatchObject({
      method: 'POST',
      path: '/search',
      body: { query: 'q', max_results: 1, country: 'US' },
    });
    expect(result).toMatchObject({
      id: 'p-1',
      model: 'perplexity_search/search',
      results: [{ url: 'https://t.example', snippet: 'S' }],
    });
  });

  it('search providers not implemented yet fail before sending, naming the ones that are', async () => {
    // Every registry search provider is implemented, so a custom entry on the search dialect stands in.
    const client = createClient({
      customProviders: [
        {
          id: 'acme_search',
          name: 'Acme Search',
          kind: 'hosted',
          docs: 'https://acme.example/docs',
          dialect: 'search',
          baseURL: server.url,
          auth: { scheme: 'bearer', envVar: 'ACME_SEARCH_API_KEY' },
          endpoints: { search: { path: '/search' } },
        },
      ],
      providers: { acme_search: { apiKey: 'key-acme-0123456789' } },
      maxRetries: 0,
    });
    await expect(client.search({ model: 'acme_search/web', query: 'q' })).rejects.toMatchObject({
      name: 'EndpointNotSupportedError',
      provider: 'acme_search',
      message: expect.stringContaining(
        'natively supported: brave, exa, firecrawl, google_pse, jina_search, linkup, parallel_ai, perplexity_search, searchapi, searxng, serpapi, serper, tavily',
      ),
    });
    expect(server.requests).toHaveLength(0);
  });

  it('maps search errors', async () => {
    server.handle(sendJson(429, { error: { message: 'Too many requests' } }, { 'retry-after': '0' }));
    await expect(providerClient('tavily').search({ model: 'tavily/search', query: 'q' })).rejects.toMatchObject({
      name: 'RateLimitedError',
      status: 429,
    });
  });
});
