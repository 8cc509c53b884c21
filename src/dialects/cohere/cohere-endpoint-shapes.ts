import type { WireShape, WireShapeResolver } from '../wire-shape.js';
import { cohereRerankShape } from './cohere-rerank-shape.js';

/** Cohere's own shapes beyond chat and embeddings: rerank (`POST /v2/rerank`). */
export const resolveCohereEndpointShape: WireShapeResolver = (operation) =>
  operation === 'rerank' ? (cohereRerankShape as WireShape) : undefined;
