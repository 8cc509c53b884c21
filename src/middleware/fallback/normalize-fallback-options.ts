import { ConfigurationError } from '../../errors/error-classes.js';

/** Lists of fallback models: per model (keyed by the model string the caller writes), or for all. */
export type FallbackModelLists = Readonly<Record<string, readonly string[]>>;

/**
 * When to fall back on an error the caller would otherwise have to fix: `true` uses the same
 * lists as retryable errors; a list (for every model) or a per-model map names other models
 * (e.g. ones with a larger context window).
 */
export type FallbackTriggerOption = boolean | readonly string[] | FallbackModelLists;

/** `createClient({ fallback })` and `createFallbackMiddleware(options)`. */
export interface FallbackOptions {
  /** Ordered fallbacks per model; keys are model strings as the caller writes them (a `provider/model`, a bare name or a router alias). */
  readonly models?: FallbackModelLists;
  /** Tried after a model's own list, for every model (the model itself and repeats are skipped). */
  readonly global?: readonly string[];
  /** Also fall back on `ContextWindowExceededError` (default false). */
  readonly onContextWindow?: FallbackTriggerOption;
  /** Also fall back on `ContentPolicyError` (default false). */
  readonly onContentPolicy?: FallbackTriggerOption;
}

/** Which lists a kind of error falls back along. */
export interface FallbackLists {
  readonly models: ReadonlyMap<string, readonly string[]>;
  readonly global: readonly string[];
}

export interface NormalizedFallbackOptions {
  /** For retryable errors. */
  readonly retryable: FallbackLists;
  /** For context-window errors; undefined when off. */
  readonly contextWindow: FallbackLists | undefined;
  /** For content-policy errors; undefined when off. */
  readonly contentPolicy: FallbackLists | undefined;
}

const KEYS = new Set(['models', 'global', 'onContextWindow', 'onContentPolicy']);

/**
 * Validates `fallback` options once; bad values throw a `ConfigurationError` naming the field.
 *
 * @example
 * normalizeFallbackOptions({ models: { 'openai/gpt-4o': ['anthropic/claude-sonnet-4-5'] }, onContextWindow: ['openai/gpt-4.1'] });
 */
export function normalizeFallbackOptions(options: FallbackOptions | true): NormalizedFallbackOptions {
  if (options === true) {
    throw new ConfigurationError('fallback: true names no fallback models; pass { models: { [model]: [...] } } or { global: [...] }');
  }
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ConfigurationError('fallback must be an object such as { models: { "openai/gpt-4o": ["anthropic/claude-sonnet-4-5"] } }');
  }
  for (const key of Object.keys(options)) {
    if (!KEYS.has(key)) throw new ConfigurationError(`fallback.${key} is not an option (expected one of ${[...KEYS].join(', ')})`);
  }
  const retryable: FallbackLists = {
    models: parseModelLists('fallback.models', options.models),
    global: parseModelList('fallback.global', options.global ?? []),
  };
  const normalized: NormalizedFallbackOptions = {
    retryable,
    contextWindow: parseTrigger('fallback.onContextWindow', options.onContextWindow, retryable),
    contentPolicy: parseTrigger('fallback.onContentPolicy', options.onContentPolicy, retryable),
  };
  const lists = [normalized.retryable, normalized.contextWindow, normalized.contentPolicy];
  const named = (entry: FallbackLists | undefined): boolean =>
    entry !== undefined && (entry.global.length > 0 || [...entry.models.values()].some((list) => list.length > 0));
  if (!lists.some(named)) {
    throw new ConfigurationError('fallback names no fallback models: give fallback.models or fallback.global');
  }
  return normalized;
}

function parseTrigger(field: string, value: unknown, same: FallbackLists): FallbackLists | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return same;
  if (Array.isArray(value)) return { models: new Map(), global: parseModelList(field, value) };
  if (typeof value === 'object' && value !== null) return { models: parseModelLists(field, value), global: [] };
  throw new ConfigurationError(`${field} must be true, false, a list of models or { [model]: [models] }`);
}

function parseModelLists(field: string, value: unknown): ReadonlyMap<string, readonly string[]> {
  const lists = new Map<string, readonly string[]>();
  if (value === undefined) return lists;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigurationError(`${field} must be an object mapping a model to its fallback models`);
  }
  for (const [model, list] of Object.entries(value)) {
    if (model.trim() === '') throw new ConfigurationError(`${field} has an empty model name`);
    lists.set(model, parseModelList(`${field}["${model}"]`, list));
  }
  return lists;
}

function parseModelList(field: string, value: unknown): readonly string[] {
  if (!Array.isArray(value)) throw new ConfigurationError(`${field} must be an array of model strings`);
  return value.map((model: unknown, index) => {
    if (typeof model !== 'string' || model.trim() === '') {
      throw new ConfigurationError(`${field}[${index}] must be a non-empty model string`);
    }
    return model;
  });
}
