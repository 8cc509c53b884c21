import type { EndpointName, ProviderDefinition } from '../src/provider-definition.js';
import type { CatalogIr } from './catalog/build-catalog-ir.js';

/**
 * The intermediate representation: every decision the emitters need, made once, sorted and
 * defaulted. Emitters read only this (plus their templates), never the raw input files.
 */
export interface CodegenIr {
  /** Sorted by id. */
  readonly providers: readonly ProviderIr[];
  /** Sorted by family name. */
  readonly apiFamilies: readonly ApiFamilyIr[];
  readonly registrySchema: RegistrySchemaIr;
  /** One per `x-validators` and `x-request-validators` entry of every family, plus the registry's `ProviderEntry`; sorted by type name. */
  readonly validators: readonly ValidatorIr[];
  /** The model catalogue, when the inputs have one. */
  readonly catalog?: CatalogIr;
}

export interface ProviderIr {
  readonly id: string;
  /** The entry with every default filled, exactly as the runtime receives it. */
  readonly definition: ProviderDefinition;
  /** `vertexAiProvider` for `vertex_ai`. */
  readonly constName: string;
  /** `VertexAiModelId` for `vertex_ai`. */
  readonly modelTypeName: string;
  /** `vertex-ai` for `vertex_ai`: the module is `generated/providers/vertex-ai.ts`. */
  readonly moduleName: string;
  /** The keys of `definition.endpoints`, sorted. */
  readonly endpointNames: readonly EndpointName[];
}

export type JsonObject = { readonly [key: string]: unknown };

export interface ApiFamilyIr {
  /** `chat` for `schemas/api/chat.json`; the types module is `generated/types/chat.ts`. */
  readonly family: string;
  readonly sourcePath: string;
  /** The schema document with `$defs` sorted by name and every definition's `title` set to its name. */
  readonly schema: JsonObject;
  /** The `$defs` names, sorted. */
  readonly typeNames: readonly string[];
}

export interface RegistrySchemaIr {
  readonly sourcePath: string;
  readonly schema: JsonObject;
}

export interface ValidatorIr {
  /** The validated type, `ChatCompletionResponse`. */
  readonly typeName: string;
  /** `validateChatCompletionResponse`. */
  readonly functionName: string;
  /** `chat-completion-response`: `generated/validators/chat-completion-response.ts`. */
  readonly moduleName: string;
  /** The schema file the type comes from, for the doc comment. */
  readonly sourcePath: string;
  /** The whole schema document to compile. */
  readonly schema: JsonObject;
  /** The key under `$defs` of the validated type. */
  readonly definitionName: string;
  /**
   * A request checked before sending (`x-request-validators`): its messages name fields as the
   * caller wrote them (`messages[0].role`), not as JSON pointers.
   */
  readonly request: boolean;
}

/** One file to write, path relative to `generated/`, content without the header line and unformatted. */
export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}
