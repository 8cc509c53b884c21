import type { ProviderEntry } from '../generated/types/provider-entry.js';
import type { EndpointName } from '../src/provider-definition.js';
import { normalizeProviderEntry } from '../src/registry/normalize-provider-entry.js';
import { buildCatalogIr, type CatalogInputs } from './catalog/build-catalog-ir.js';
import { CodegenError } from './codegen-error.js';
import type { LoadedJsonFile } from './codegen-inputs.js';
import { deriveProviderNames } from './derive-provider-names.js';
import type { ApiFamilyIr, CodegenIr, JsonObject, ProviderIr, ValidatorIr } from './ir.js';
import type { ApiSchemaDocument } from './validate-api-schemas.js';

export interface BuildIrInput {
  /** Registry entries that passed `validateRegistry`. */
  readonly providers: readonly ProviderEntry[];
  /** API schema files that passed `validateApiSchemas`. */
  readonly apiSchemas: readonly ApiSchemaDocument[];
  readonly registrySchema: LoadedJsonFile;
  readonly catalog?: CatalogInputs;
}

/** The `$defs` entry of `providers.schema.json` that describes one provider. */
const PROVIDER_DEFINITION = 'provider';

/** Sorts, defaults and names everything the emitters need. Does not modify its input. */
export function buildIr(input: BuildIrInput): CodegenIr {
  const registrySchema = input.registrySchema.data as JsonObject;
  const apiFamilies = [...input.apiSchemas].sort((a, b) => compare(a.family, b.family)).map(buildApiFamily);
  const catalog = input.catalog === undefined ? undefined : buildCatalogIr(input.catalog, input.providers);
  const providers = input.providers
    .map((entry) => buildProvider(entry, catalog?.models[entry.id]))
    .sort((a, b) => compare(a.id, b.id));
  return {
    providers,
    apiFamilies,
    registrySchema: { sourcePath: input.registrySchema.path, schema: registrySchema },
    validators: buildValidators(apiFamilies, input.registrySchema),
    ...(catalog === undefined ? {} : { catalog }),
  };
}

/** `models`, when given, replaces the entry's (derived from the model catalogue). */
function buildProvider(entry: ProviderEntry, models: readonly string[] | undefined): ProviderIr {
  const normalized = normalizeProviderEntry(entry);
  const definition = models === undefined ? normalized : { ...normalized, models: [...models] };
  return {
    id: definition.id,
    definition,
    ...deriveProviderNames(definition.id),
    endpointNames: (Object.keys(definition.endpoints) as EndpointName[]).sort(compare),
  };
}

function buildApiFamily(document: ApiSchemaDocument): ApiFamilyIr {
  const typeNames = Object.keys(document.definitions).sort(compare);
  const definitions: Record<string, JsonObject> = {};
  for (const name of typeNames) definitions[name] = { ...document.definitions[name], title: name };
  return {
    family: document.family,
    sourcePath: document.sourcePath,
    schema: {
      ...document.schema,
      $defs: definitions,
      'x-validators': document.validatorTypeNames,
      'x-request-validators': document.requestValidatorTypeNames,
    },
    typeNames,
  };
}

function buildValidators(apiFamilies: readonly ApiFamilyIr[], registrySchema: LoadedJsonFile): ValidatorIr[] {
  const registryDefinitions = (registrySchema.data as JsonObject)['$defs'] as Record<string, JsonObject>;
  const providerTitle = registryDefinitions[PROVIDER_DEFINITION]?.['title'];
  const validators: ValidatorIr[] = [
    createValidator(
      typeof providerTitle === 'string' ? providerTitle : 'ProviderEntry',
      PROVIDER_DEFINITION,
      registrySchema.path,
      registrySchema.data as JsonObject,
      false,
    ),
  ];
  for (const family of apiFamilies) {
    for (const [key, request] of [['x-validators', false], ['x-request-validators', true]] as const) {
      for (const typeName of (family.schema[key] as string[] | undefined) ?? []) {
        // A type validated by two families is the same type (emit-wire-types rejects same-named types
        // that differ), so the first family, in sorted order, provides it.
        if (validators.some((validator) => validator.typeName === typeName)) continue;
        validators.push(createValidator(typeName, typeName, family.sourcePath, family.schema, request));
      }
    }
  }
  validators.sort((a, b) => compare(a.typeName, b.typeName));
  const modules = new Map<string, string>();
  for (const validator of validators) {
    const other = modules.get(validator.moduleName);
    if (other !== undefined) {
      throw new CodegenError(
        `validators: ${other} and ${validator.typeName} would both be written to generated/validators/${validator.moduleName}.ts; rename one of them`,
      );
    }
    modules.set(validator.moduleName, validator.typeName);
  }
  return validators;
}

function createValidator(
  typeName: string,
  definitionName: string,
  sourcePath: string,
  schema: JsonObject,
  request: boolean,
): ValidatorIr {
  return {
    request,
    typeName,
    functionName: `validate${typeName}`,
    moduleName: toKebabCase(typeName),
    sourcePath,
    schema,
    definitionName,
  };
}

/** `ChatCompletionResponse` -> `chat-completion-response`, `OCRResult` -> `ocr-result`. */
function toKebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase();
}

/** Code-unit order, independent of locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
