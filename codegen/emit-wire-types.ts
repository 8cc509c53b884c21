import { compile, type Options } from 'json-schema-to-typescript';
import { Project, type SourceFile } from 'ts-morph';

import { CodegenError } from './codegen-error.js';
import type { TemplateSources } from './codegen-inputs.js';
import { compileTemplate } from './compile-template.js';
import type { CodegenIr, GeneratedFile, JsonObject } from './ir.js';

/**
 * Options for the API families: closed objects unless a schema says otherwise. `minItems` stays a
 * run-time check (the request validators): as a tuple type, `messages: [ChatMessage, ...]` would
 * refuse the `ChatMessage[]` arrays callers build.
 */
const API_OPTIONS: Partial<Options> = {
  bannerComment: '',
  ignoreMinAndMaxItems: true,
  unreachableDefinitions: true,
  additionalProperties: false,
  strictIndexSignatures: true,
  format: false,
  declareExternallyReferenced: true,
};

/**
 * Options for the registry schema: JSON Schema's own default for `additionalProperties`, so that
 * `quirks.defaultParams` (`{ "type": "object" }`) stays an open record, and plain index signatures,
 * which is what parsed JSON holds.
 */
const REGISTRY_OPTIONS: Partial<Options> = {
  ...API_OPTIONS,
  additionalProperties: true,
  strictIndexSignatures: false,
  ignoreMinAndMaxItems: false,
};

/** The wrapper type that carries a family's `$defs` through json-schema-to-typescript; removed afterwards. */
const WRAPPER_NAME = 'LiterLlmCodegenWrapper';
const REGISTRY_MODULE = 'provider-entry';

interface TypesModule {
  readonly moduleName: string;
  readonly sourcePath: string;
  readonly content: string;
  /** Exported type name -> declaration text without comments, to tell same-named types apart. */
  readonly declarations: ReadonlyMap<string, string>;
}

/**
 * `generated/types/<family>.ts` per API family, `generated/types/provider-entry.ts` from the
 * registry schema, and `generated/types/index.ts` re-exporting every type once by name.
 */
export async function emitWireTypes(ir: CodegenIr, templates: TemplateSources): Promise<GeneratedFile[]> {
  const project = new Project({ useInMemoryFileSystem: true });
  const modules: TypesModule[] = [];
  for (const family of ir.apiFamilies) {
    if (family.typeNames.includes(WRAPPER_NAME)) {
      throw new CodegenError(`${family.sourcePath}: the type name ${WRAPPER_NAME} is reserved by the generator`);
    }
    const wrapper = {
      title: WRAPPER_NAME,
      type: 'object',
      additionalProperties: false,
      $defs: structuredClone(family.schema['$defs']),
    };
    const source = await compileSchema(wrapper, WRAPPER_NAME, family.sourcePath, API_OPTIONS);
    modules.push(readModule(project, family.family, family.sourcePath, source, WRAPPER_NAME));
  }
  const registrySchema: Record<string, unknown> = structuredClone(ir.registrySchema.schema as Record<string, unknown>);
  delete registrySchema['$id'];
  const registrySource = await compileSchema(
    registrySchema,
    'ProviderRegistry',
    ir.registrySchema.sourcePath,
    REGISTRY_OPTIONS,
  );
  modules.push(readModule(project, REGISTRY_MODULE, ir.registrySchema.sourcePath, registrySource, undefined));
  modules.sort((a, b) => (a.moduleName < b.moduleName ? -1 : a.moduleName > b.moduleName ? 1 : 0));

  const files: GeneratedFile[] = modules.map((module) => ({
    path: `types/${module.moduleName}.ts`,
    content: module.content,
  }));
  files.push({ path: 'types/index.ts', content: compileTemplate(templates, 'types-index')(createIndexView(modules)) });
  return files;
}

async function compileSchema(
  schema: JsonObject,
  name: string,
  sourcePath: string,
  options: Partial<Options>,
): Promise<string> {
  try {
    return await compile(schema as Parameters<typeof compile>[0], name, options);
  } catch (error) {
    throw new CodegenError(`${sourcePath}: json-schema-to-typescript failed: ${(error as Error).message}`);
  }
}

function readModule(
  project: Project,
  moduleName: string,
  sourcePath: string,
  source: string,
  wrapperName: string | undefined,
): TypesModule {
  const file = project.createSourceFile(`/${moduleName}.ts`, removeReferencedByNotes(source), { overwrite: true });
  if (wrapperName !== undefined) {
    file.getInterface(wrapperName)?.remove();
    file.getTypeAlias(wrapperName)?.remove();
  }
  // One blank line between top-level declarations, whatever json-schema-to-typescript put there.
  const content = file
    .getStatementsWithComments()
    .map((statement) => statement.getFullText().trim())
    .join('\n\n');
  return { moduleName, sourcePath, content, declarations: readDeclarations(file) };
}

function readDeclarations(file: SourceFile): Map<string, string> {
  const declarations = new Map<string, string>();
  for (const declaration of [...file.getInterfaces(), ...file.getTypeAliases(), ...file.getEnums()]) {
    if (declaration.isExported()) declarations.set(declaration.getName(), declaration.getText());
  }
  return declarations;
}

/**
 * json-schema-to-typescript notes on every `$defs` type "This interface was referenced by `X`'s
 * JSON-Schema via the `definition` "Y"."; with the wrapper that is noise, so the note (and a doc
 * comment left empty by its removal) goes.
 */
function removeReferencedByNotes(source: string): string {
  return source
    .replace(
      /(?: \*[ \t]*\n)? \* This (?:interface|type) was referenced by `[^`\n]*`'s JSON-Schema\n \* via the `definition` "[^"\n]*"\.\n/g,
      '',
    )
    .replace(/\/\*\*\n \*\/\n/g, '');
}

interface TypesIndexView {
  readonly modules: readonly { readonly moduleName: string; readonly typeNames: string }[];
}

/** Every type once: a name several modules declare identically comes from the first module. */
function createIndexView(modules: readonly TypesModule[]): TypesIndexView {
  const owners = new Map<string, TypesModule>();
  const conflicts: string[] = [];
  for (const module of modules) {
    for (const [name, text] of module.declarations) {
      const owner = owners.get(name);
      if (owner === undefined) owners.set(name, module);
      else if (owner.declarations.get(name) !== text) {
        conflicts.push(`type ${name} is declared differently by ${owner.sourcePath} and ${module.sourcePath}`);
      }
    }
  }
  if (conflicts.length > 0) {
    throw new CodegenError(
      [`generated/types: same-named types must be identical (rename one, or make them equal):`, ...conflicts].join('\n'),
    );
  }
  return {
    modules: modules
      .map((module) => ({
        moduleName: module.moduleName,
        typeNames: [...owners]
          .filter(([, owner]) => owner === module)
          .map(([name]) => name)
          .sort()
          .join(',\n'),
      }))
      .filter((module) => module.typeNames.length > 0),
  };
}
