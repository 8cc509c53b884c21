import type { SearchRequest, SearchResponse } from '../../../generated/types/index.js';
import { validateSearchResponse } from '../../../generated/validators/search-response.js';
import { EndpointNotSupportedError } from '../../errors/error-classes.js';
import { createJsonShape } from '../create-json-shape.js';
import type { EndpointOperation, EndpointShape } from '../endpoint-operation.js';
import { braveSearchShape } from './brave-search-shape.js';
import { exaSearchShape } from './exa-search-shape.js';
import { tavilySearchShape } from './tavily-search-shape.js';

/** `POST /search` on gateways: the request as JSON, results as `SearchResponse`. */
const openAiSearchShape = createJsonShape<SearchRequest>({
  endpoint: 'search',
  openAiPath: '/search',
  validate: validateSearchResponse,
  what: 'search',
});

/** Perplexity's Search API is the gateway shape without `model`. */
const perplexitySearchShape: EndpointShape<SearchRequest> = {
  buildRequest(request, route) {
    const wire = openAiSearchShape.buildRequest(request, route);
    const body = wire.body?.kind === 'json' ? wire.body.value : {};
    const { model: _model, ...rest } = body;
    return { ...wire, body: { kind: 'json', value: rest } };
  },
  readResponse(sent, context, startedAt) {
    const response = openAiSearchShape.readResponse(sent, context, startedAt) as SearchResponse;
    return { ...response, model: `${context.route.provider.id}/${context.route.model}` };
  },
};

/** Native search APIs by registry provider id (providers of the `search` dialect). */
const SEARCH_SHAPES: Readonly<Partial<Record<string, EndpointShape<SearchRequest>>>> = {
  brave: braveSearchShape,
  exa: exaSearchShape,
  perplexity_search: perplexitySearchShape,
  tavily: tavilySearchShape,
};

/** Search providers whose APIs `search` speaks natively. */
export const NATIVE_SEARCH_PROVIDERS: readonly string[] = Object.keys(SEARCH_SHAPES).sort();

/** `search`: the gateway shape, or a native search API by provider id. */
export const searchOperation: EndpointOperation<SearchRequest> = {
  endpoint: 'search',
  openAi: openAiSearchShape,
  resolveNative(provider) {
    if (provider.definition.dialect !== 'search') return undefined;
    const shape = SEARCH_SHAPES[provider.id];
    if (shape !== undefined) return shape;
    throw new EndpointNotSupportedError(
      `${provider.id}: its search API is not reachable through liter-llm yet (natively supported: ${NATIVE_SEARCH_PROVIDERS.join(', ')}); ` +
        'call it through an OpenAI-compatible gateway (createClient({ baseURL })) meanwhile',
      { provider: provider.id },
    );
  },
};
