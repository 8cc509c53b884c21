import { CHAT_REQUEST_FIELDS, EMBEDDING_REQUEST_FIELDS } from './openai-request-fields.js';

/** The quirks of a registry entry, as the entry gives them (before defaults). */
export interface QuirkEntry {
  readonly dialect?: string | undefined;
  readonly quirks?:
    | {
        readonly renameParams?: Readonly<Record<string, string>> | undefined;
        readonly dropParams?: readonly string[] | undefined;
        readonly defaultParams?: Readonly<Record<string, unknown>> | undefined;
        readonly fileParts?: string | undefined;
      }
    | undefined;
}

export interface QuirkProblem {
  readonly path: string;
  readonly message: string;
}

/**
 * Dialects that convert the OpenAI request into a format of their own. Their conversion reads
 * OpenAI parameter names only, so a quirk naming anything else would silently do nothing.
 * `openai`, `azure` and `predibase` send the OpenAI body as it is, so any name reaches the wire.
 */
const CONVERTING_DIALECTS: ReadonlySet<string> = new Set(['anthropic', 'bedrock', 'cohere', 'gemini', 'ollama', 'vertex_ai', 'watsonx']);

const REQUEST_FIELDS: ReadonlySet<string> = new Set([...CHAT_REQUEST_FIELDS, ...EMBEDDING_REQUEST_FIELDS]);

/**
 * Quirks the entry's dialect cannot express. Every quirk is an OpenAI-named setting applied before
 * the native conversion (see with-registry-quirks.ts): `renameParams` targets, `dropParams` and
 * `defaultParams` must name OpenAI request parameters on a converting dialect. Native parameters
 * are the caller's `extra_body`; `fileParts` is for the OpenAI format only. `roleMap`, `headers`,
 * `query`, `streamUsage` and `requireToolParameters` work everywhere.
 */
export function findQuirkProblems(entry: QuirkEntry): QuirkProblem[] {
  const dialect = entry.dialect ?? 'openai';
  if (!CONVERTING_DIALECTS.has(dialect)) return [];
  const quirks = entry.quirks ?? {};
  const problems: QuirkProblem[] = [];
  const reason = (name: string) =>
    `the ${dialect} dialect converts OpenAI parameters, and "${name}" is not one (native parameters go in the call's extra_body)`;

  for (const [from, to] of Object.entries(quirks.renameParams ?? {})) {
    if (!REQUEST_FIELDS.has(to)) problems.push({ path: `/quirks/renameParams/${from}`, message: `renameParams "${from}" -> "${to}": ${reason(to)}` });
  }
  for (const [index, name] of (quirks.dropParams ?? []).entries()) {
    if (!REQUEST_FIELDS.has(name)) problems.push({ path: `/quirks/dropParams/${index}`, message: `dropParams "${name}": ${reason(name)}` });
  }
  if (quirks.fileParts !== undefined) {
    // The converted part would reach a native converter that knows no `document_url` part.
    problems.push({ path: '/quirks/fileParts', message: `fileParts "${quirks.fileParts}": the ${dialect} dialect converts file parts natively; the quirk is for the OpenAI format` });
  }
  for (const name of Object.keys(quirks.defaultParams ?? {})) {
    // Defaults fill chat requests only.
    if (!CHAT_REQUEST_FIELDS.has(name)) problems.push({ path: `/quirks/defaultParams/${name}`, message: `defaultParams "${name}": ${reason(name)}` });
  }
  return problems;
}
