import type { WireShape, WireShapeResolver } from '../wire-shape.js';
import { watsonxRerankShape } from './watsonx-rerank-shape.js';

/** watsonx.ai's shapes beyond chat, embeddings and model lists: rerank (`POST /ml/v1/text/rerank`). */
export const resolveWatsonxEndpointShape: WireShapeResolver = (operation) =>
  operation === 'rerank' ? (watsonxRerankShape as WireShape) : undefined;
