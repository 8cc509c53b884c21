import type { TemplateSources } from './codegen-inputs.js';
import { compileTemplate } from './compile-template.js';
import type { CodegenIr, GeneratedFile, ProviderIr } from './ir.js';
import { renderTypeScriptValue } from './render-typescript-value.js';

/**
 * `generated/providers/<module>.ts` per provider (self-contained: it imports only the
 * `ProviderDefinition` type), `generated/registry.ts` tying them together, and `generated/index.ts`.
 */
export function emitProviders(ir: CodegenIr, templates: TemplateSources): GeneratedFile[] {
  const renderProvider = compileTemplate<ProviderModuleView>(templates, 'provider-module');
  const files: GeneratedFile[] = ir.providers.map((provider) => ({
    path: `providers/${provider.moduleName}.ts`,
    content: renderProvider(createProviderModuleView(provider)),
  }));
  files.push({ path: 'registry.ts', content: compileTemplate<RegistryView>(templates, 'registry')(createRegistryView(ir)) });
  files.push({ path: 'index.ts', content: compileTemplate<IndexView>(templates, 'index')(createIndexView(ir)) });
  return files;
}

interface ProviderModuleView {
  readonly id: string;
  readonly modelTypeName: string;
  readonly modelTypeUnion: string;
  readonly constName: string;
  readonly definition: string;
}

function createProviderModuleView(provider: ProviderIr): ProviderModuleView {
  const models = provider.definition.models.map((model) => JSON.stringify(model));
  return {
    id: provider.id,
    modelTypeName: provider.modelTypeName,
    modelTypeUnion: models.length === 0 ? 'never' : models.length === 1 ? `${models[0]}` : `\n| ${models.join('\n| ')}`,
    constName: provider.constName,
    definition: renderTypeScriptValue(provider.definition),
  };
}

interface RegistryView {
  readonly providers: readonly {
    readonly id: string;
    readonly constName: string;
    readonly modelTypeName: string;
    readonly moduleName: string;
    readonly idLiteral: string;
    readonly endpointUnion: string;
    readonly dialectLiteral: string;
  }[];
}

function createRegistryView(ir: CodegenIr): RegistryView {
  return {
    providers: ir.providers.map((provider) => ({
      id: provider.id,
      constName: provider.constName,
      modelTypeName: provider.modelTypeName,
      moduleName: provider.moduleName,
      idLiteral: JSON.stringify(provider.id),
      endpointUnion:
        provider.endpointNames.length === 0 ? 'never' : provider.endpointNames.map((name) => JSON.stringify(name)).join(' | '),
      dialectLiteral: JSON.stringify(provider.definition.dialect),
    })),
  };
}

interface IndexView {
  readonly validators: readonly { readonly functionName: string; readonly moduleName: string }[];
}

function createIndexView(ir: CodegenIr): IndexView {
  return {
    validators: ir.validators.map((validator) => ({
      functionName: validator.functionName,
      moduleName: validator.moduleName,
    })),
  };
}
