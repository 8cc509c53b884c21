// Exports shared by the two entry points (`liter-llm` and `liter-llm/core`); neither loads the registry through it.
export { callInfo, type CallInfo } from './call-info.js';
export type { CallOptions, ClientOptions } from './client/client-options.js';
export type {
  Catalog,
  CatalogEntry,
  CatalogOf,
  LiterLlmClient,
  ModelField,
  ProviderClient,
  RoutedModel,
} from './client/client-types.js';
export * from './errors/error-classes.js';
export { LiterLlmError, isLiterLlmError, type ErrorKind, type LiterLlmErrorOptions } from './errors/liter-llm-error.js';
export type { CallContext, Middleware, Next, NormalizedCallOptions, Operation } from './middleware/compose.js';
export type {
  AuthDefinition,
  DialectName,
  EndpointDefinition,
  EndpointName,
  ProviderDefinition,
  ProviderQuirks,
} from './provider-definition.js';
export type { ProviderOverride } from './providers/resolved-provider.js';
export { ChatStream } from './streaming/chat-stream.js';
export type * from '../generated/types/index.js';
