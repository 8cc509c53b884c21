import type { WireShape, WireShapeResolver } from '../wire-shape.js';
import { voyageEmbeddingShape } from './voyage-embedding-shape.js';
import { voyageRerankShape } from './voyage-rerank-shape.js';

/** Voyage's shapes: embeddings (`POST /v1/embeddings`) and rerank (`POST /v1/rerank`). */
export const resolveVoyageEndpointShape: WireShapeResolver = (operation) => {
  if (operation === 'embed') return voyageEmbeddingShape;
  return operation === 'rerank' ? (voyageRerankShape as WireShape) : undefined;
};
