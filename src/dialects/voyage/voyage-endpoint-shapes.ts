import type { WireShape, WireShapeResolver } from '../wire-shape.js';
import { voyageRerankShape } from './voyage-rerank-shape.js';

/** Voyage's shapes: rerank (`POST /v1/rerank`). Its chat and embeddings have no dialect module yet. */
export const resolveVoyageEndpointShape: WireShapeResolver = (operation) =>
  operation === 'rerank' ? (voyageRerankShape as WireShape) : undefined;
