import type { ProviderEntry } from '../../generated/types/provider-entry.js';
import { isRecord } from '../../src/dialects/shared/is-record.js';
import { CodegenError } from '../codegen-error.js';
import type { LoadedJsonFile } from '../codegen-inputs.js';

/** A registry value that models.dev gives differently for the provider the entry is mapped to. */
export interface CatalogDisagreement {
  /** Our registry id. */
  readonly provider: string;
  /** The models.dev provider it is mapped to. */
  readonly catalogProvider: string;
  readonly field: 'baseURL' | 'envVar';
  /** What the registry says (`{ENV_VAR}` for a URL placeholder, env vars comma-separated). */
  readonly ours: string;
  /** What the catalogue says, in the same notation. */
  readonly theirs: string;
  /** Why the registry differs, from `disagreements` in provider-map.json; undefined when none is declared. */
  readonly reason?: string;
}

export type DisagreementField = CatalogDisagreement['field'];

/** Declared reasons: `disagreements.<our id>.<field>` of provider-map.json. */
export type DisagreementReasons = Readonly<Record<string, Partial<Record<DisagreementField, string>>>>;

/**
 * The catalogue's `npm` package says which wire format its `api` URL speaks; a URL is compared only
 * with a registry entry of the same format (an Anthropic-compatible entry mapped to its vendor is
 * not compared with the vendor's OpenAI-compatible URL).
 */
const WIRE_FORMAT_BY_NPM: Readonly<Record<string, string>> = {
  '@ai-sdk/openai-compatible': 'openai',
  '@ai-sdk/openai': 'openai',
  '@ai-sdk/anthropic': 'anthropic',
};

/**
 * Where a mapped registry entry and its models.dev provider disagree: the base URL (when both speak
 * the same wire format and the catalogue gives one) and the environment variables (every one the
 * entry reads, the key's and those of URL variables without a default, must be among the
 * catalogue's `env`). Each carries the reason declared for it, if any.
 */
export function compareWithCatalog(
  entry: ProviderEntry,
  catalogProvider: string,
  catalog: Readonly<Record<string, unknown>>,
  reasons: DisagreementReasons,
): CatalogDisagreement[] {
  const found: CatalogDisagreement[] = [];
  const add = (field: DisagreementField, ours: string, theirs: string): void => {
    const reason = reasons[entry.id]?.[field];
    found.push({ provider: entry.id, catalogProvider, field, ours, theirs, ...(reason === undefined ? {} : { reason }) });
  };
  const api = typeof catalog.api === 'string' ? catalog.api : undefined;
  const format = typeof catalog.npm === 'string' ? WIRE_FORMAT_BY_NPM[catalog.npm] : undefined;
  if (api !== undefined && format !== undefined && format === (entry.dialect ?? 'openai')) {
    const ours = entryBaseUrl(entry);
    const theirs = catalogUrl(api);
    if (ours !== theirs) add('baseURL', ours, theirs);
  }
  const env = Array.isArray(catalog.env) ? catalog.env.filter((name): name is string => typeof name === 'string') : [];
  const ourEnv = ourEnvVars(entry);
  if (env.length > 0 && ourEnv.length > 0 && ourEnv.some((name) => !env.includes(name))) add('envVar', ourEnv.join(', '), env.join(', '));
  return found;
}

/** Reads `disagreements` of provider-map.json: `{ "<our id>": { "baseURL"?: reason, "envVar"?: reason } }`. */
export function readDisagreementReasons(file: LoadedJsonFile): DisagreementReasons {
  const data = file.data as Record<string, unknown>;
  const value = data.disagreements;
  if (value === undefined) return {};
  const valid =
    isRecord(value) &&
    Object.values(value).every(
      (fields) =>
        isRecord(fields) &&
        Object.entries(fields).every(([field, reason]) => (field === 'baseURL' || field === 'envVar') && typeof reason === 'string' && reason !== ''),
    );
  if (!valid) {
    throw new CodegenError(`${file.path}: disagreements must be { "<our id>": { "baseURL"?: "<reason>", "envVar"?: "<reason>" } }`);
  }
  return value as DisagreementReasons;
}

/** One line of `npm run generate`'s report. */
export function formatDisagreement(disagreement: CatalogDisagreement): string {
  const { provider, catalogProvider, field, ours, theirs, reason } = disagreement;
  const why = reason === undefined ? `no reason declared (schemas/catalog/provider-map.json: disagreements.${provider}.${field})` : `explained: ${reason}`;
  return `${provider} ${field}: ${ours}; models.dev ${catalogProvider}: ${theirs}; ${why}`;
}

/**
 * What `npm run generate` prints of the report lines: a heading with how many are explained, every
 * line, and a warning when some have no declared reason (fix the entry, or declare why it differs).
 */
export function summarizeCatalogReport(lines: readonly string[]): { summary: string[]; warning?: string } {
  if (lines.length === 0) return { summary: [] };
  const unexplained = unexplainedLines(lines).length;
  const summary = [`registry vs model catalogue: ${lines.length - unexplained} explained, ${unexplained} not`, ...lines.map((line) => `  ${line}`)];
  return unexplained === 0 ? { summary } : { summary, warning: `warning: ${unexplained} registry/catalogue difference(s) without a declared reason` };
}

/** A models.dev URL in the notation of `entryBaseUrl`: `${ENV_VAR}` as `{ENV_VAR}`, no trailing slash. */
export function catalogUrl(api: string): string {
  return api.replace(/\/+$/, '').replace(/\$\{([A-Z0-9_]+)\}/g, '{$1}');
}

/** The report lines that give no reason: a disagreement without one, or a reason left over. */
export function unexplainedLines(lines: readonly string[]): string[] {
  return lines.filter((line) => !line.includes('; explained: '));
}

/** The entry's base URL with each `{variable}` written as `{ITS_ENV_VAR}`, as models.dev writes `${ITS_ENV_VAR}`. */
export function entryBaseUrl(entry: ProviderEntry): string {
  return entry.baseURL.replace(/\{([a-z0-9_]+)\}/g, (whole, name: string) => {
    const variable = entry.urlVariables?.[name];
    // A variable derived from another (a host from a region) has no variable of its own to name.
    return variable?.envVar === undefined ? whole : `{${variable.envVar}}`;
  });
}

/** The key's variable, then those of URL variables without a default. */
function ourEnvVars(entry: ProviderEntry): string[] {
  const key = 'envVar' in entry.auth ? [entry.auth.envVar] : [];
  const variables = Object.values(entry.urlVariables ?? {}).flatMap((variable) =>
    variable.default === undefined && variable.envVar !== undefined ? [variable.envVar] : [],
  );
  return [...key, ...variables];
}
