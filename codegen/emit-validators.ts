import { Ajv2020 } from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';

import { CodegenError } from './codegen-error.js';
import type { CodegenInputs, TemplateSources } from './codegen-inputs.js';
import { compileTemplate } from './compile-template.js';
import { inferDiscriminators } from './infer-discriminators.js';
import { inlineAjvRuntime } from './inline-ajv-runtime.js';
import { RANGE_KEYWORDS, stripAnnotations } from './strip-annotations.js';
import type { CodegenIr, GeneratedFile, JsonObject, ValidatorIr } from './ir.js';

/** The runtime module (from `codegen/runtime/`) that every generated validator imports. */
const ERRORS_MODULE = 'format-schema-errors.ts';

/**
 * Per validator: `generated/validators/compiled/<type>.ts`, ajv's standalone code (plain JavaScript,
 * `@ts-nocheck`, no imports), and `generated/validators/<type>.ts`, the typed
 * `validate<Type>(data: unknown): string | undefined` around it. Plus the shared
 * `generated/validators/format-schema-errors.ts`.
 */
export function emitValidators(
  ir: CodegenIr,
  templates: TemplateSources,
  runtimeModules: CodegenInputs['runtimeModules'],
): GeneratedFile[] {
  const errorsModule = runtimeModules[ERRORS_MODULE];
  if (errorsModule === undefined) throw new CodegenError(`codegen/runtime/${ERRORS_MODULE}: module not found`);
  const renderCompiled = compileTemplate<CompiledValidatorView>(templates, 'compiled-validator');
  const renderWrapper = compileTemplate<ValidatorView>(templates, 'validator');
  const files: GeneratedFile[] = [{ path: `validators/${ERRORS_MODULE}`, content: errorsModule }];
  for (const validator of ir.validators) {
    const view = { ...createValidatorView(validator), code: compileStandalone(validator) };
    files.push({ path: `validators/compiled/${validator.moduleName}.ts`, content: renderCompiled(view) });
    files.push({ path: `validators/${validator.moduleName}.ts`, content: renderWrapper(view) });
  }
  return files;
}

interface ValidatorView {
  readonly typeName: string;
  readonly functionName: string;
  readonly moduleName: string;
  readonly sourcePath: string;
  /** How the wrapper's messages name places: request fields as the caller writes them. */
  readonly placeDescription: string;
  readonly formatArguments: string;
}

interface CompiledValidatorView extends ValidatorView {
  readonly code: string;
}

function createValidatorView(validator: ValidatorIr): ValidatorView {
  return {
    placeDescription: validator.request ? '`<field path> <reason>` (`messages[0].role`)' : '`<pointer> <reason>`',
    formatArguments: validator.request ? "compiledValidator.errors, 5, 'field'" : 'compiledValidator.errors',
    typeName: validator.typeName,
    functionName: validator.functionName,
    moduleName: validator.moduleName,
    sourcePath: validator.sourcePath,
  };
}

/**
 * ajv standalone ESM code exporting `validate`. A fresh ajv instance per validator keeps the generated
 * names (`validate10`, `schema11`) independent of the other validators, so adding one does not
 * change the others' files. ajv either inlines each `$ref` or compiles it to a function of its own;
 * which is smaller depends on how often a definition is reused (the registry's entry schema is a
 * third smaller with functions, the chat responses slightly larger), so both are compiled and the
 * shorter is kept. Validation is the same either way; the choice is deterministic.
 */
function compileStandalone(validator: ValidatorIr): string {
  const label = `${validator.sourcePath} (${validator.typeName})`;
  const id = typeof validator.schema['$id'] === 'string' ? validator.schema['$id'] : `https://liter-llm.dev/${validator.sourcePath}`;
  try {
    const stripped = stripAnnotations(validator.schema, validator.request ? RANGE_KEYWORDS : undefined);
    const schema = { ...inferDiscriminators(stripped), $id: id };
    const [inlined, referenced] = [true, false].map((inlineRefs) => {
      const ajv = new Ajv2020({
        allErrors: true,
        discriminator: true,
        inlineRefs,
        strictTypes: false,
        strictTuples: false,
        validateFormats: false,
        code: { source: true, esm: true, lines: true },
      });
      ajv.addSchema(schema);
      return standaloneCode.default(ajv, { validate: `${id}#/$defs/${encodeURIComponent(validator.definitionName)}` });
    }) as [string, string];
    return inlineAjvRuntime(referenced.length < inlined.length ? referenced : inlined, label);
  } catch (error) {
    if (error instanceof CodegenError) throw error;
    throw new CodegenError(`${label}: cannot compile a validator: ${(error as Error).message}`);
  }
}
