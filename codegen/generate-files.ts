import { assembleFiles } from './assemble.js';
import { buildIr } from './build-ir.js';
import { emitCatalog } from './catalog/emit-catalog.js';
import type { CodegenInputs } from './codegen-inputs.js';
import { emitProviders } from './emit-providers.js';
import { emitValidators } from './emit-validators.js';
import { emitWireTypes } from './emit-wire-types.js';
import { validateApiSchemas } from './validate-api-schemas.js';
import { validateRegistry } from './validate-registry.js';

/**
 * The whole pipeline without I/O: validate -> IR -> emit -> assemble. Returns every file of
 * `generated/` by path relative to it, sorted, each starting with `HEADER`. The same inputs always give
 * the same bytes, and the inputs are not modified. Throws a `CodegenError` (such as
 * `RegistryValidationError`) for bad input.
 */
export async function generateFiles(inputs: CodegenInputs): Promise<Map<string, string>> {
  const providers = validateRegistry(inputs.registry, inputs.registrySchema);
  const apiSchemas = validateApiSchemas(inputs.apiSchemas);
  const ir = buildIr({
    providers,
    apiSchemas,
    registrySchema: inputs.registrySchema,
    ...(inputs.catalog === undefined ? {} : { catalog: inputs.catalog }),
  });
  return assembleFiles([
    ...(await emitWireTypes(ir, inputs.templates)),
    ...emitValidators(ir, inputs.templates, inputs.runtimeModules),
    ...emitProviders(ir, inputs.templates),
    ...(ir.catalog === undefined ? [] : emitCatalog(ir.catalog, inputs.templates)),
  ]);
}
