import { EndpointNotSupportedError } from '../errors/error-classes.js';
import type { ResolvedProvider } from '../routing/resolved-provider.js';
import type { EndpointOperation, EndpointShape } from './endpoint-operation.js';

/** Dialects whose providers speak OpenAI's wire format on these endpoints (Azure with deployment paths). */
const OPENAI_WIRE_DIALECTS: ReadonlySet<string> = new Set(['openai', 'azure']);

/**
 * The wire format of an operation for a provider: OpenAI's for a gateway; else the provider must
 * declare the endpoint in the registry, and gets a native format when the operation knows one for
 * it, OpenAI's when its dialect speaks OpenAI's, and otherwise an `EndpointNotSupportedError`
 * thrown before anything is sent.
 */
export function resolveEndpointShape(operation: EndpointOperation, provider: ResolvedProvider): EndpointShape {
  if (provider.gateway) return operation.openAi;
  const { endpoint } = operation;
  if (provider.definition.endpoints[endpoint] === undefined) {
    throw new EndpointNotSupportedError(`${provider.id} does not serve the ${endpoint} endpoint`, {
      provider: provider.id,
    });
  }
  const native = operation.resolveNative?.(provider);
  if (native !== undefined) return native;
  const dialect = provider.definition.dialect;
  if (OPENAI_WIRE_DIALECTS.has(dialect)) return operation.openAi;
  throw new EndpointNotSupportedError(
    `${provider.id} serves ${endpoint} in the "${dialect}" wire format, which this version of liter-llm does not implement for ${endpoint} yet; ` +
      'call it through an OpenAI-compatible gateway (createClient({ baseURL })) meanwhile',
    { provider: provider.id },
  );
}
