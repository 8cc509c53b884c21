import { assembleFiles } from './assemble.js';
import { buildIr } from './build-ir.js';
import { formatDisagreement } from './catalog/compare-with-catalog.js';
import { emitCatalog } from './catalog/emit-catalog.js';
import type { CodegenInputs } from './codegen-inputs.js';
import { emitProviders } from './emit-providers.js';
import { emitValidators } from './emit-validators.js';
import { emitWireTypes } from './emit-wire-types.js';
import { validateApiSchemas } from './validate-api-schemas.js';
import { validateRegistry } from './validate-registry.js';

export interface GenerateFilesOptions {
  /**
   * Receives the report lines that change no file: where the registry and the model catalogue
   * disagree on a base URL or environment variable (each with its declared reason, or saying none
   * is declared), and declared reasons with nothing left to explain.
   */
  readonly report?: (line: string) => void;
}

/**
 * The whole pipeline without I/O: validate -> IR -> emit -> assemble. Returns every file of
 * `generated/` by path relative to it, sorted, each starting with `HEADER`. The same inputs always give
 * the same bytes, and the inputs are not modified. Throws a `CodegenError` (such as
 * `RegistryValidationError`) for bad input.
 */
export async function generateFiles(inputs: CodegenInputs, options: GenerateFilesOptions = {}): Promise<Map<string, string>> {
  const providers = validateRegistry(inputs.registry, inputs.registrySchema);
  const apiSchemas = validateApiSchemas(inputs.apiSchemas);
  const ir = buildIr({
    providers,
    apiSchemas,
    registrySchema: inputs.registrySchema,
    ...(inputs.catalog === undefined ? {} : { catalog: inputs.catalog }),
  });
  if (ir.catalog !== undefined && options.report !== undefined) {
    for (const disagreement of ir.catalog.disagreements) options.report(formatDisagreement(disagreement));
    for (const key of ir.catalog.staleReasons) options.report(`${key}: a reason is declared in schemas/catalog/provider-map.json (disagreements) but the registry and the catalogue agree`);
  }
  return assembleFiles([
    ...(await emitWireTypes(ir, inputs.templates)),
    ...emitValidators(ir, inputs.templates, inputs.runtimeModules),
    ...emitProviders(ir, inputs.templates),
    ...(ir.catalog === undefined ? [] : emitCatalog(ir.catalog, inputs.templates)),
  ]);
}
