import type { TemplateSources } from '../codegen-inputs.js';
import { compileTemplate } from '../compile-template.js';
import type { GeneratedFile } from '../ir.js';
import { renderTypeScriptValue } from '../render-typescript-value.js';
import type { CatalogIr } from './build-catalog-ir.js';

interface ModelCatalogView {
  readonly providers: string;
  readonly tables: readonly { readonly key: string; readonly rows: string }[];
  readonly modelPrefixes: string;
}

/**
 * `generated/catalog/model-catalog.ts`: each models.dev provider's rows as JSON text (one row per
 * line, so a refresh reads as a small diff), parsed only when a model of that provider is looked up.
 */
export function emitCatalog(catalog: CatalogIr, templates: TemplateSources): GeneratedFile[] {
  const view: ModelCatalogView = {
    providers: renderTypeScriptValue(catalog.providers),
    tables: Object.entries(catalog.tables).map(([key, rows]) => ({
      key: JSON.stringify(key),
      rows: rows.length === 0 ? "'[]'" : ["'['", ...rows.map((row, index) => JSON.stringify(`${JSON.stringify(row)}${index < rows.length - 1 ? ',' : ''}`)), "']'"].join(' +\n'),
    })),
    modelPrefixes: renderTypeScriptValue(catalog.modelPrefixes),
  };
  return [{ path: 'catalog/model-catalog.ts', content: compileTemplate<ModelCatalogView>(templates, 'model-catalog')(view) }];
}
