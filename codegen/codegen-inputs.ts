import type { CatalogInputs } from './catalog/build-catalog-ir.js';

/** A JSON file as read from disk: where it came from (for messages) and its parsed, untrusted content. */
export interface LoadedJsonFile {
  /** Path shown in messages, relative to the project root when inside it (`schemas/providers.json`). */
  readonly path: string;
  readonly data: unknown;
}

/** Handlebars sources by name (`provider-module` for `templates/provider-module.ts.hbs`). */
export type TemplateSources = Readonly<Record<string, string>>;

/**
 * Everything `generateFiles` reads. Loading it is the only I/O of a generator run, so tests build it
 * in memory from small scenario registries.
 */
export interface CodegenInputs {
  /** `schemas/providers.json`. */
  readonly registry: LoadedJsonFile;
  /** `schemas/providers.schema.json`. */
  readonly registrySchema: LoadedJsonFile;
  /** `schemas/api/*.json`, sorted by path. */
  readonly apiSchemas: readonly LoadedJsonFile[];
  readonly templates: TemplateSources;
  /** Modules copied into `generated/` as they are, by file name (`format-schema-errors.ts`). */
  readonly runtimeModules: Readonly<Record<string, string>>;
  /** `schemas/catalog/`: the models.dev snapshot and our id map; without it no catalogue is generated. */
  readonly catalog?: CatalogInputs;
}
