import type { ProviderEntry } from '../../generated/types/provider-entry.js';
import { validateProviderEntry } from '../../generated/validators/provider-entry.js';
import { ConfigurationError } from '../errors/error-classes.js';
import type { ProviderDefinition } from '../provider-definition.js';
import { findProviderEntryProblems } from './find-provider-entry-problems.js';
import { normalizeProviderEntry } from './normalize-provider-entry.js';

/**
 * A provider registered at run time, checked exactly like a registry entry at build time (the
 * same JSON Schema, compiled at build time, and the same cross-field checks).
 */
export function parseCustomProvider(value: unknown, index: number): ProviderDefinition {
  return parseProviderEntry(value, describe(value, index));
}

/** `parseCustomProvider` with the label its errors start with (such as `defineProvider("acme")`). */
export function parseProviderEntry(value: unknown, label: string): ProviderDefinition {
  const schemaProblem = validateProviderEntry(value);
  if (schemaProblem !== undefined) {
    throw new ConfigurationError(`${label}: ${schemaProblem}`);
  }
  const entry = value as ProviderEntry;
  const problems = findProviderEntryProblems(entry);
  if (problems.length > 0) {
    throw new ConfigurationError(`${label}: ${problems.map((problem) => `${problem.path} ${problem.message}`).join('; ')}`);
  }
  return normalizeProviderEntry(entry);
}

function describe(value: unknown, index: number): string {
  const id = value !== null && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? `customProviders[${index}] ("${id}")` : `customProviders[${index}]`;
}
