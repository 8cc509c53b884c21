// Exports shared by the two entry points (`liter-llm` and `liter-llm/core`); neither loads the registry through it.
export { callInfo, type CallInfo } from './call/call-info.js';
export { getModelInfo } from './catalog/get-model-info.js';
export type { ModelInfo, ModelModality, ModelPrices } from './catalog/model-info.js';
export type { CallOptions, ClientOptions } from './client/client-options.js';
export type {
  BatchesApi,
  Catalog,
  CatalogEntry,
  CatalogOf,
  FilesApi,
  LiterLlmClient,
  ModelField,
  ProviderCallOptions,
  ProviderClient,
  ResponsesApi,
  RoutedModel,
} from './client/client-types.js';
export type { AllModelsListResponse, ListModelsFailure, ProviderModel } from './client/list-models-across-providers.js';
export { BinaryResponse } from './streaming/binary-response.js';
export type { FileUpload } from './transport/file-upload.js';
export * from './errors/error-classes.js';
export { LiterLlmError, isLiterLlmError, type ErrorKind, type LiterLlmErrorOptions } from './errors/liter-llm-error.js';
export type { Middleware } from './middleware/compose.js';
export type { CallContext, Next, NormalizedCallOptions } from './call/call-context.js';
export type { Operation } from './call/operation.js';
// Types only: the middleware factories are values of `liter-llm` and `liter-llm/middleware`, so
// that `liter-llm/core` bundles none of the layers.
export type * from './middleware/middleware-exports.js';
export type {
  AuthDefinition,
  DialectName,
  EndpointDefinition,
  EndpointName,
  ProviderDefinition,
  ProviderQuirks,
} from './provider-definition.js';
export type { ProviderOverride } from './routing/resolved-provider.js';
export { CallStream } from './call/call-stream.js';
export { ChatStream } from './streaming/chat-stream.js';
export { ResponseStream } from './streaming/response-stream.js';
export type * from '../generated/types/index.js';
