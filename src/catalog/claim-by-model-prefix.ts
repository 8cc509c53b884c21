import { catalogModelPrefixes } from '../../generated/catalog/model-catalog.js';
import { createPrefixMatcher } from '../routing/create-prefix-matcher.js';

let claim: ((model: string) => string | undefined) | undefined;

/**
 * The registry provider whose `modelPrefixes` claim a bare model name (`gpt-4o` -> `openai`), as a
 * call without a provider is routed; undefined when none does.
 */
export function claimByModelPrefix(model: string): string | undefined {
  claim ??= createPrefixMatcher(Object.entries(catalogModelPrefixes).flatMap(([id, prefixes]) => prefixes.map((prefix) => [prefix, id] as const)));
  return claim(model);
}
