import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { CodegenError } from './codegen-error.js';
import type { CodegenInputs, LoadedJsonFile } from './codegen-inputs.js';
import { loadGeneratorAssets } from './load-generator-assets.js';

export interface LoadInputsOptions {
  /** The project root holding `schemas/`. */
  readonly rootDir: string;
  /** Use this registry (absolute, or relative to `rootDir`) instead of `<rootDir>/schemas/providers.json`. */
  readonly registryPath?: string;
}

/** Reads the registry, its schema, every `schemas/api/*.json` (sorted by name) and `schemas/catalog/` when present and the registry is the project's own. */
export function loadInputs(options: LoadInputsOptions): CodegenInputs {
  const rootDir = path.resolve(options.rootDir);
  const registryPath = path.resolve(rootDir, options.registryPath ?? 'schemas/providers.json');
  const apiDir = path.join(rootDir, 'schemas', 'api');
  const apiFiles = existsSync(apiDir)
    ? readdirSync(apiDir)
        .filter((name) => name.endsWith('.json'))
        .sort()
    : [];
  const catalogDir = path.join(rootDir, 'schemas', 'catalog');
  // The id map names the project's registry, so another registry (`--registry`) gets no catalogue.
  const ownRegistry = registryPath === path.join(rootDir, 'schemas', 'providers.json');
  const catalog = ownRegistry && existsSync(catalogDir)
    ? {
        snapshot: readJsonFile(rootDir, path.join(catalogDir, 'api.json')),
        providerMap: readJsonFile(rootDir, path.join(catalogDir, 'provider-map.json')),
      }
    : undefined;
  return {
    registry: readJsonFile(rootDir, registryPath, 'pass --registry <path> to use another registry'),
    registrySchema: readJsonFile(rootDir, path.join(rootDir, 'schemas', 'providers.schema.json')),
    apiSchemas: apiFiles.map((name) => readJsonFile(rootDir, path.join(apiDir, name))),
    ...loadGeneratorAssets(),
    ...(catalog === undefined ? {} : { catalog }),
  };
}

function readJsonFile(rootDir: string, absolutePath: string, hint?: string): LoadedJsonFile {
  const relative = path.relative(rootDir, absolutePath);
  const shownPath = relative.startsWith('..') || path.isAbsolute(relative) ? absolutePath : relative.split(path.sep).join('/');
  if (!existsSync(absolutePath)) {
    throw new CodegenError(`${shownPath}: file not found${hint ? ` (${hint})` : ''}`);
  }
  const text = readFileSync(absolutePath, 'utf8');
  try {
    return { path: shownPath, data: JSON.parse(text) as unknown };
  } catch (error) {
    throw new CodegenError(`${shownPath}: invalid JSON: ${(error as Error).message}`);
  }
}
