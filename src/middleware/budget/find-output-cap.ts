/**
 * Names under which a request body caps the output tokens, in the wire formats the dialects send
 * (OpenAI and its compatibles, Anthropic, Cohere: `max_tokens`, `max_completion_tokens`,
 * `max_output_tokens`; Gemini and Vertex: `generationConfig.maxOutputTokens`; Bedrock:
 * `inferenceConfig.maxTokens`) and in those a caller can reach through `extra_body` (Ollama's
 * `options.num_predict`, TGI's `max_new_tokens`, Titan's `maxTokenCount`, Llama's `max_gen_len`).
 */
const CAP_NAMES: ReadonlySet<string> = new Set([
  'max_tokens',
  'max_completion_tokens',
  'max_output_tokens',
  'max_new_tokens',
  'max_tokens_to_sample',
  'maxOutputTokens',
  'maxTokens',
  'maxTokenCount',
  'max_gen_len',
  'num_predict',
]);

/** Names of how many answers are generated, each billed (`n`, `best_of`, Gemini's `candidateCount`). */
const CHOICE_NAMES: ReadonlySet<string> = new Set(['n', 'best_of', 'candidateCount', 'candidate_count', 'num_generations']);

export interface OutputCap {
  /** The largest cap found; undefined when the body sets none. */
  readonly tokens: number | undefined;
  /** The largest number of answers asked for, at least 1. */
  readonly choices: number;
}

/**
 * The output cap a provider may read from a request body: the largest number under a cap name at
 * the top level or one object down (`generationConfig.maxOutputTokens`, `options.num_predict`,
 * `extra_body.max_tokens`), or under a name that `renameParams` gives a cap; the largest because
 * a hard budget must hold whichever one the provider honours.
 */
export function findOutputCap(body: unknown, renameParams: Readonly<Record<string, string>> = {}): OutputCap {
  let tokens: number | undefined;
  let choices = 1;
  const renamedCaps = renamedNames(renameParams, CAP_NAMES);
  const renamedChoices = renamedNames(renameParams, CHOICE_NAMES);
  const visit = (record: Readonly<Record<string, unknown>>, top: boolean): void => {
    for (const name in record) {
      if (!Object.hasOwn(record, name)) continue;
      const value = record[name];
      if (top && typeof value === 'object' && value !== null && !Array.isArray(value)) {
        visit(value as Record<string, unknown>, false);
        continue;
      }
      const count = countOf(value);
      if (count === undefined) continue;
      if (CAP_NAMES.has(name) || (top && renamedCaps.has(name))) tokens = Math.max(tokens ?? 0, count);
      else if (CHOICE_NAMES.has(name) || (top && renamedChoices.has(name))) choices = Math.max(choices, Math.floor(count));
    }
  };
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) visit(body as Record<string, unknown>, true);
  return { tokens, choices };
}

/** A count as a provider would parse it: a finite non-negative number, or a string of one. */
function countOf(value: unknown): number | undefined {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  return typeof number === 'number' && Number.isFinite(number) && number >= 0 ? Math.ceil(number) : undefined;
}

function renamedNames(renameParams: Readonly<Record<string, string>>, names: ReadonlySet<string>): ReadonlySet<string> {
  const renamed = new Set<string>();
  for (const [from, to] of Object.entries(renameParams)) if (names.has(from)) renamed.add(to);
  return renamed;
}
