export interface ProviderNames {
  /** `vertexAiProvider` */
  readonly constName: string;
  /** `VertexAiModelId` */
  readonly modelTypeName: string;
  /** `vertex-ai` */
  readonly moduleName: string;
}

/**
 * The TypeScript names derived from a provider id (`^[a-z][a-z0-9_]*$`): `vertex_ai` becomes
 * `vertexAiProvider`, `VertexAiModelId` and the module `vertex-ai`. Different ids can derive the same
 * names (`ab_1` and `ab1`); the registry validation rejects such pairs.
 */
export function deriveProviderNames(id: string): ProviderNames {
  const words = id.split('_').filter((word) => word.length > 0);
  const pascal = words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
  const camel = pascal.charAt(0).toLowerCase() + pascal.slice(1);
  return {
    constName: `${camel}Provider`,
    modelTypeName: `${pascal}ModelId`,
    moduleName: id.replace(/_/g, '-'),
  };
}
