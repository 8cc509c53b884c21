/**
 * The owner of the longest prefix a model name starts with, or undefined: how a bare model name
 * is routed by the registry's `modelPrefixes` (the client's resolver and `getModelInfo` alike).
 * Longest first, so `gpt-4o-mini` is not taken by a shorter, more generic prefix.
 */
export function createPrefixMatcher<T>(entries: Iterable<readonly [prefix: string, owner: T]>): (model: string) => T | undefined {
  const sorted = [...entries].sort(([a], [b]) => b.length - a.length || a.localeCompare(b));
  return (model) => sorted.find(([prefix]) => model.startsWith(prefix))?.[1];
}
