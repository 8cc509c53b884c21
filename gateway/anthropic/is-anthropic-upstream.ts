import type { ProviderDefinition } from '../../src/index.js';
import { resolveVertexWireFormat } from '../../src/dialects/vertex-ai/resolve-vertex-wire-format.js';
import type { ResolvedRoute } from '../../src/routing/resolved-route.js';

/**
 * Whether a provider speaks Anthropic's Messages API through the SDK's Anthropic conversions (the
 * `anthropic` dialect and its compatible entries, and Claude on Vertex AI), so that
 * `convertAnthropicRequest` may pass it `anthropicUpstream: true`. A model that can fall back to
 * another kind of provider should not: the Anthropic-only fields would reach that one too.
 */
export function isAnthropicUpstream(definition: Pick<ProviderDefinition, 'dialect' | 'endpoints'>): boolean {
  if (definition.dialect === 'anthropic') return true;
  // The Vertex dialect picks its format from the entry alone; a route needs nothing else for that.
  return definition.dialect === 'vertex_ai' && resolveVertexWireFormat({ provider: { definition } } as unknown as ResolvedRoute) === 'anthropic';
}
