import { bedrockProvider } from '../../../generated/providers/bedrock.js';
import type { ProviderDefinition } from '../../../src/provider-definition.js';
import { resolveProvider } from '../../../src/routing/resolve-provider.js';
import type { ResolvedRoute } from '../../../src/routing/resolved-route.js';

/** A route to the registry's `bedrock` provider (no credentials: conversion needs none). */
export function bedrockRoute(model = 'anthropic.claude-3-5-sonnet-20240620-v1:0', definition: ProviderDefinition = bedrockProvider): ResolvedRoute {
  const provider = resolveProvider({
    definition,
    override: undefined,
    apiKey: undefined,
    fallbackApiKey: undefined,
    clientHeaders: {},
    env: {},
  });
  return { provider, model };
}
