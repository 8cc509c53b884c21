import { CodegenError } from './codegen-error.js';
import type { CodegenInputs, TemplateSources } from './codegen-inputs.js';
import { compileTemplate } from './compile-template.js';
import { renderTypeScriptValue } from './render-typescript-value.js';
import { createSchemaTable } from './create-schema-table.js';
import type { CodegenIr, GeneratedFile, ValidatorIr } from './ir.js';

/** The runtime modules (from `codegen/runtime/`) that every generated validator imports. */
const RUNTIME_MODULES = ['create-schema-checker.ts', 'format-schema-errors.ts'] as const;

/**
 * Per validator, `generated/validators/<type>.ts`: the typed `validate<Type>(data: unknown): string | undefined`
 * over the type's schema held as data (annotations stripped, only the definitions it reaches),
 * checked by the shared `create-schema-checker.ts`, which reports what ajv would. Plus the two
 * shared runtime modules. Generation fails on a keyword the checker does not support.
 */
export function emitValidators(
  ir: CodegenIr,
  templates: TemplateSources,
  runtimeModules: CodegenInputs['runtimeModules'],
): GeneratedFile[] {
  const files: GeneratedFile[] = RUNTIME_MODULES.map((name) => {
    const content = runtimeModules[name];
    if (content === undefined) throw new CodegenError(`codegen/runtime/${name}: module not found`);
    return { path: `validators/${name}`, content };
  });
  const renderWrapper = compileTemplate<ValidatorView>(templates, 'validator');
  for (const validator of ir.validators) {
    files.push({ path: `validators/${validator.moduleName}.ts`, content: renderWrapper(createValidatorView(validator)) });
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
  /** The schema table, rendered as a TypeScript value. */
  readonly schema: string;
}

function createValidatorView(validator: ValidatorIr): ValidatorView {
  return {
    placeDescription: validator.request ? '`<field path> <reason>` (`messages[0].role`)' : '`<pointer> <reason>`',
    formatArguments: validator.request ? "errors, 5, 'field'" : 'errors',
    schema: renderTypeScriptValue(createSchemaTable(validator)),
    typeName: validator.typeName,
    functionName: validator.functionName,
    moduleName: validator.moduleName,
    sourcePath: validator.sourcePath,
  };
}
