import type { Operation } from '../call/operation.js';
import type { EndpointName } from '../provider-definition.js';
import { getConversionShapes } from './create-conversion-shapes.js';
import type { Dialect } from './dialect.js';
import type { WireShape } from './wire-shape.js';

export interface OperationEntry {
  /** The registry endpoint a provider must declare to serve the operation. */
  readonly endpoint: EndpointName;
  /**
   * The shape the dialect's own conversions give (chat, embeddings, model lists), undefined when
   * the dialect has none. Absent: the shape comes from the dialect's endpoint shapes, loaded on
   * first use (`resolve-wire-shape.ts`).
   */
  readonly fromConversions?: (dialect: Dialect) => WireShape | undefined;
}

/**
 * Every operation the client runs, by name: the endpoint it needs and where its wire shape comes
 * from. The core runs each the same way (shape from the provider's dialect, one wire request,
 * send, read); a new endpoint is a new row here and a shape in the dialects that speak it.
 */
export const OPERATION_TABLE: Readonly<Record<Operation, OperationEntry>> = {
  chat: { endpoint: 'chat', fromConversions: (dialect) => getConversionShapes(dialect).chat },
  chatStream: { endpoint: 'chat', fromConversions: (dialect) => getConversionShapes(dialect).chatStream },
  embed: { endpoint: 'embeddings', fromConversions: (dialect) => getConversionShapes(dialect).embed },
  listModels: { endpoint: 'models', fromConversions: (dialect) => getConversionShapes(dialect).listModels },
  completion: { endpoint: 'completions' },
  imageGenerate: { endpoint: 'images' },
  speech: { endpoint: 'speech' },
  transcribe: { endpoint: 'transcriptions' },
  translate: { endpoint: 'translations' },
  moderate: { endpoint: 'moderations' },
  rerank: { endpoint: 'rerank' },
  search: { endpoint: 'search' },
  ocr: { endpoint: 'ocr' },
  'files.create': { endpoint: 'files' },
  'files.retrieve': { endpoint: 'files' },
  'files.list': { endpoint: 'files' },
  'files.delete': { endpoint: 'files' },
  'files.content': { endpoint: 'files' },
  'batches.create': { endpoint: 'batches' },
  'batches.retrieve': { endpoint: 'batches' },
  'batches.list': { endpoint: 'batches' },
  'batches.cancel': { endpoint: 'batches' },
  'responses.create': { endpoint: 'responses' },
  'responses.createStream': { endpoint: 'responses' },
  'responses.retrieve': { endpoint: 'responses' },
  'responses.cancel': { endpoint: 'responses' },
};
