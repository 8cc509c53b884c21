import { readFileSync } from 'node:fs';

import type { CodegenInputs } from '../../codegen/codegen-inputs.js';
import { loadGeneratorAssets } from '../../codegen/load-generator-assets.js';

const ROOT = new URL('../../', import.meta.url);

/** The project's registry schema: scenarios are checked against the real contract. */
export const REGISTRY_SCHEMA: unknown = JSON.parse(readFileSync(new URL('schemas/providers.schema.json', ROOT), 'utf8'));

/**
 * A small, stable stand-in for `schemas/api/chat.json`, so snapshots do not change whenever the real
 * API schemas do.
 */
export const CHAT_SCHEMA_FIXTURE: unknown = JSON.parse(readFileSync(new URL('./fixtures/api/chat.json', import.meta.url), 'utf8'));

/** Generator inputs for an in-memory registry, with the fixture API schema unless others are given. */
export function createScenarioInputs(
  registry: unknown,
  apiSchemas: CodegenInputs['apiSchemas'] = [{ path: 'schemas/api/chat.json', data: CHAT_SCHEMA_FIXTURE }],
): CodegenInputs {
  return {
    registry: { path: 'schemas/providers.json', data: registry },
    registrySchema: { path: 'schemas/providers.schema.json', data: REGISTRY_SCHEMA },
    apiSchemas,
    ...loadGeneratorAssets(),
  };
}
