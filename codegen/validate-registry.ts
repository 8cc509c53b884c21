import { Ajv2020 } from 'ajv/dist/2020.js';

import type { ProviderEntry } from '../generated/types/provider-entry.js';
import { findProviderEntryProblems } from '../src/registry/find-provider-entry-problems.js';
import { CodegenError } from './codegen-error.js';
import type { LoadedJsonFile } from './codegen-inputs.js';
import { deriveProviderNames } from './derive-provider-names.js';
import { inferDiscriminators } from './infer-discriminators.js';
import type { JsonObject } from './ir.js';
import { RegistryValidationError } from './registry-validation-error.js';
import { describeSchemaErrors, type SchemaProblem } from './runtime/format-schema-errors.js';

const PROVIDER_POINTER = /^\/providers\/(\d+)(?=\/|$)/;

/**
 * Checks the registry against `providers.schema.json`, then each schema-valid entry with
 * `findProviderEntryProblems`, then what only the whole registry shows (duplicate ids, a model prefix
 * claimed twice, two ids deriving the same TypeScript names). Collects every problem and throws one
 * `RegistryValidationError` listing them; returns the entries when there are none.
 */
export function validateRegistry(registry: LoadedJsonFile, registrySchema: LoadedJsonFile): ProviderEntry[] {
  const validate = compileRegistrySchema(registrySchema);
  const problems: SchemaProblem[] = validate(registry.data) ? [] : describeSchemaErrors(validate.errors ?? []);
  const entries = readEntries(registry.data);

  entries.forEach((entry, index) => {
    const pointer = `/providers/${index}`;
    if (problems.some((problem) => problem.pointer === pointer || problem.pointer.startsWith(`${pointer}/`))) return;
    for (const problem of findProviderEntryProblems(entry as ProviderEntry)) {
      problems.push({ pointer: `${pointer}${problem.path}`, reason: problem.message });
    }
  });
  problems.push(...findCrossEntryProblems(entries));

  if (problems.length > 0) {
    const ordered = problems
      .map((problem, order) => ({ problem, order, index: providerIndex(problem.pointer) }))
      .sort((a, b) => a.index - b.index || a.order - b.order);
    throw new RegistryValidationError(
      registry.path,
      ordered.map(({ problem }) => formatProblem(registry.path, entries, problem)),
    );
  }
  return entries as ProviderEntry[];
}

function compileRegistrySchema(registrySchema: LoadedJsonFile) {
  const ajv = new Ajv2020({
    allErrors: true,
    discriminator: true,
    verbose: true,
    strictTypes: false,
    strictTuples: false,
  });
  try {
    return ajv.compile(inferDiscriminators(registrySchema.data as JsonObject));
  } catch (error) {
    throw new CodegenError(`${registrySchema.path}: cannot compile the schema: ${(error as Error).message}`);
  }
}

function readEntries(data: unknown): unknown[] {
  const providers = isObject(data) ? data['providers'] : undefined;
  return Array.isArray(providers) ? providers : [];
}

function findCrossEntryProblems(entries: readonly unknown[]): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const idIndex = new Map<string, number>();
  const namesIndex = new Map<string, number>();
  const prefixOwners = new Map<string, { index: number; position: number }>();

  entries.forEach((entry, index) => {
    const id = isObject(entry) ? entry['id'] : undefined;
    if (typeof id === 'string') {
      const first = idIndex.get(id);
      if (first !== undefined) {
        problems.push({ pointer: `/providers/${index}/id`, reason: `duplicate id "${id}" (first at /providers/${first})` });
      } else {
        idIndex.set(id, index);
        const names = deriveProviderNames(id);
        const owner = namesIndex.get(names.constName);
        if (owner !== undefined) {
          problems.push({
            pointer: `/providers/${index}/id`,
            reason: `id "${id}" derives the same names as provider ${providerLabel(entries, owner)} (${names.constName}, ${names.modelTypeName}); rename one of them`,
          });
        } else {
          namesIndex.set(names.constName, index);
        }
      }
    }
    const prefixes = isObject(entry) ? entry['modelPrefixes'] : undefined;
    if (!Array.isArray(prefixes)) return;
    prefixes.forEach((prefix: unknown, position) => {
      if (typeof prefix !== 'string') return;
      const owner = prefixOwners.get(prefix);
      if (owner === undefined) {
        prefixOwners.set(prefix, { index, position });
      } else if (owner.index !== index) {
        problems.push({
          pointer: `/providers/${index}/modelPrefixes/${position}`,
          reason: `model prefix "${prefix}" is already claimed by provider ${providerLabel(entries, owner.index)} at /providers/${owner.index}/modelPrefixes/${owner.position}`,
        });
      }
    });
  });
  return problems;
}

function formatProblem(registryPath: string, entries: readonly unknown[], problem: SchemaProblem): string {
  const index = providerIndex(problem.pointer);
  const pointer = problem.pointer || '(root)';
  if (index < 0) return `${registryPath}: at ${pointer}: ${problem.reason}`;
  return `${registryPath}: provider ${providerLabel(entries, index)} at ${pointer}: ${problem.reason}`;
}

/** `"groq"` when the entry has a readable id, else `#12`. */
function providerLabel(entries: readonly unknown[], index: number): string {
  const entry = entries[index];
  const id = isObject(entry) ? entry['id'] : undefined;
  return typeof id === 'string' && id.length > 0 ? JSON.stringify(id) : `#${index}`;
}

function providerIndex(pointer: string): number {
  const match = PROVIDER_POINTER.exec(pointer);
  return match ? Number(match[1]) : -1;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
