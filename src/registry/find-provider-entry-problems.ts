import type { ProviderEntry } from '../../generated/types/provider-entry.js';
import { DIALECT_URL_VARIABLES } from '../dialects/shared/dialect-url-variables.js';
import { findQuirkProblems } from '../dialects/shared/find-quirk-problems.js';

/** One thing wrong with a registry entry that JSON Schema cannot express. */
export interface ProviderEntryProblem {
  /** JSON pointer inside the entry, e.g. `/endpoints/chat/path`. */
  readonly path: string;
  readonly message: string;
}

const PLACEHOLDER = /\{([^{}]*)\}/g;

/**
 * Checks that need more than one field: placeholders must be declared, `{model}` only belongs in
 * endpoint paths, a prefix must not be empty after trimming, and the quirks must be ones the
 * dialect can express. Cross-entry checks (duplicate ids
 * and prefixes) live with the caller that sees the whole registry.
 */
export function findProviderEntryProblems(entry: ProviderEntry): ProviderEntryProblem[] {
  const problems: ProviderEntryProblem[] = [];
  const declared = new Set(Object.keys(entry.urlVariables ?? {}));
  const used = new Set<string>(DIALECT_URL_VARIABLES[entry.dialect ?? 'openai'] ?? []);

  const checkTemplate = (template: string, path: string, allowModel: boolean): void => {
    for (const match of template.matchAll(PLACEHOLDER)) {
      const name = match[1] ?? '';
      if (name === 'model') {
        if (!allowModel) problems.push({ path, message: '`{model}` may appear only in endpoint paths' });
        continue;
      }
      used.add(name);
      if (!declared.has(name)) {
        problems.push({ path, message: `placeholder {${name}} is not declared in urlVariables` });
      }
    }
    const stripped = template.replace(PLACEHOLDER, '');
    if (stripped.includes('{') || stripped.includes('}')) {
      problems.push({ path, message: 'unbalanced braces in template' });
    }
  };

  checkTemplate(entry.baseURL, '/baseURL', false);
  for (const [name, endpoint] of Object.entries(entry.endpoints)) {
    if (endpoint) checkTemplate(endpoint.path, `/endpoints/${name}/path`, true);
  }
  for (const [name, variable] of Object.entries(entry.urlVariables ?? {})) {
    const path = `/urlVariables/${name}`;
    if ((variable.envVar === undefined) === (variable.derivedFrom === undefined)) {
      problems.push({ path, message: 'a urlVariable needs exactly one of envVar (its own value) and derivedFrom (the variable it follows)' });
    } else if (variable.derivedFrom !== undefined) {
      const source = entry.urlVariables?.[variable.derivedFrom];
      if (source === undefined || source.derivedFrom !== undefined) {
        problems.push({ path: `${path}/derivedFrom`, message: `"${variable.derivedFrom}" is not a declared urlVariable with an envVar of its own` });
      }
      used.add(variable.derivedFrom);
      if (variable.default !== undefined) checkTemplate(variable.default, `${path}/default`, false);
    } else if (variable.values !== undefined) {
      problems.push({ path: `${path}/values`, message: 'values belong to a derivedFrom variable' });
    }
  }
  for (const name of declared) {
    if (!used.has(name)) {
      problems.push({ path: `/urlVariables/${name}`, message: `urlVariable "${name}" is declared but never used` });
    }
  }
  for (const [index, prefix] of (entry.modelPrefixes ?? []).entries()) {
    if (prefix.trim() !== prefix) {
      problems.push({ path: `/modelPrefixes/${index}`, message: 'prefix has leading or trailing whitespace' });
    }
  }
  // Aggregators list namespaced ids (`openai/gpt-4o`), and their own namespace is then a real one
  // (OpenRouter's `openrouter/auto`); elsewhere a leading `<id>/` is the routing prefix typed twice.
  const namespaced = (entry.models ?? []).some((model) => model.includes('/') && !model.startsWith(`${entry.id}/`));
  for (const [index, model] of (entry.models ?? []).entries()) {
    if (!namespaced && model.startsWith(`${entry.id}/`)) {
      problems.push({
        path: `/models/${index}`,
        message: `model ids are listed without the "${entry.id}/" routing prefix`,
      });
    }
  }
  problems.push(...findQuirkProblems(entry));
  return problems;
}
