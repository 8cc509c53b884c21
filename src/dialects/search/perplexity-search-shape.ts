import type { SearchRequest, SearchResponse } from '../../../generated/types/index.js';
import { searchShape } from '../openai/endpoints/search-shape.js';
import type { WireShape } from '../wire-shape.js';

/** Perplexity's Search API is the gateway shape without `model`. */
export const perplexitySearchShape: WireShape<SearchRequest> = {
  buildRequest(request, route) {
    const wire = searchShape.buildRequest(request, route);
    const { model: _model, ...rest } = wire.body ?? {};
    return { ...wire, body: rest };
  },
  readResponse(sent, context, startedAt) {
    const response = searchShape.readResponse(sent, context, startedAt) as SearchResponse;
    return { ...response, model: `${context.route.provider.id}/${context.route.model}` };
  },
};
