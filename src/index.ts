export * from './public-api.js';
export { createClient } from './create-client.js';
export { providerIds, providerRegistry, type ProviderCatalog, type ProviderId } from '../generated/registry.js';
export * from './middleware/middleware-exports.js';
