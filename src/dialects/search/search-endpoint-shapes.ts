import type { SearchRequest } from '../../../generated/types/index.js';
import { EndpointNotSupportedError } from '../../errors/error-classes.js';
import type { WireShape, WireShapeResolver } from '../wire-shape.js';
import { braveSearchShape } from './brave-search-shape.js';
import { exaSearchShape } from './exa-search-shape.js';
import { firecrawlSearchShape } from './firecrawl-search-shape.js';
import { googlePseSearchShape } from './google-pse-search-shape.js';
import { jinaSearchShape } from './jina-search-shape.js';
import { linkupSearchShape } from './linkup-search-shape.js';
import { organicResultsSearchShape } from './organic-results-search-shape.js';
import { parallelSearchShape } from './parallel-search-shape.js';
import { perplexitySearchShape } from './perplexity-search-shape.js';
import { searxngSearchShape } from './searxng-search-shape.js';
import { serperSearchShape } from './serper-search-shape.js';
import { tavilySearchShape } from './tavily-search-shape.js';

/** Native search APIs by registry provider id (providers of the `search` dialect). */
const SEARCH_SHAPES: Readonly<Partial<Record<string, WireShape<SearchRequest>>>> = {
  brave: braveSearchShape,
  exa: exaSearchShape,
  firecrawl: firecrawlSearchShape,
  google_pse: googlePseSearchShape,
  jina_search: jinaSearchShape,
  linkup: linkupSearchShape,
  parallel_ai: parallelSearchShape,
  perplexity_search: perplexitySearchShape,
  searchapi: organicResultsSearchShape,
  searxng: searxngSearchShape,
  serpapi: organicResultsSearchShape,
  serper: serperSearchShape,
  tavily: tavilySearchShape,
};

/** Search providers whose APIs `search` speaks natively. */
export const NATIVE_SEARCH_PROVIDERS: readonly string[] = Object.keys(SEARCH_SHAPES).sort();

/** The `search` dialect: each search API's own shape for `search`, by provider id; nothing else. */
export const resolveSearchEndpointShape: WireShapeResolver = (operation, provider) => {
  if (operation !== 'search') return undefined;
  const shape = SEARCH_SHAPES[provider.id];
  if (shape !== undefined) return shape as WireShape;
  throw new EndpointNotSupportedError(
    `${provider.id}: its search API is not reachable through liter-llm yet (natively supported: ${NATIVE_SEARCH_PROVIDERS.join(', ')}); ` +
      'call it through an OpenAI-compatible gateway (createClient({ baseURL })) meanwhile',
    { provider: provider.id },
  );
};
