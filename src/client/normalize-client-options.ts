import { MAX_TIMER_MS } from '../transport/max-timer-ms.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../transport/send-with-retry.js';
import { ConfigurationError } from '../errors/error-classes.js';
import { parseBaseUrl } from '../routing/parse-base-url.js';
import type { Middleware } from '../middleware/compose.js';
import { MIDDLEWARE_OPTION_KEYS } from '../middleware/middleware-layers.js';
import type { ProviderOverride } from '../routing/resolved-provider.js';
import type { ClientOptions } from './client-options.js';

export interface NormalizedClientOptions {
  readonly apiKey: string | undefined;
  readonly apiKeys: Readonly<Record<string, string>>;
  readonly baseURL: string | undefined;
  readonly providers: Readonly<Record<string, ProviderOverride>>;
  readonly customProviders: readonly unknown[];
  readonly modelHint: string | undefined;
  readonly timeoutMs: number;
  readonly maxRetries: number;
  readonly maxAttempts: number;
  readonly maxResponseBytes: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly fetch: typeof fetch | undefined;
  readonly middleware: readonly Middleware[];
}

const DEFAULTS = { timeoutMs: 60_000, maxRetries: 2, maxAttempts: 10, maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES } as const;

/** The most retries a call may ask for: past it a failing provider is hammered rather than helped. */
export const MAX_RETRIES_LIMIT = 10;

const KNOWN_OPTIONS = new Set<string>([
  'apiKey', 'apiKeys', 'baseURL', 'providers', 'customProviders', 'modelHint',
  'timeoutMs', 'maxRetries', 'maxAttempts', 'maxResponseBytes', 'headers', 'fetch', 'middleware', ...MIDDLEWARE_OPTION_KEYS,
]);

export function normalizeClientOptions(options: ClientOptions): NormalizedClientOptions {
  for (const key of Object.keys(options)) {
    if (KNOWN_OPTIONS.has(key) || (options as Record<string, unknown>)[key] === undefined) continue;
    throw new ConfigurationError(`unknown createClient option "${key}"`);
  }
  return {
    apiKey: options.apiKey,
    apiKeys: options.apiKeys ?? {},
    baseURL: options.baseURL === undefined ? undefined : parseBaseUrl(options.baseURL, 'baseURL'),
    providers: options.providers ?? {},
    customProviders: options.customProviders ?? [],
    modelHint: options.modelHint,
    timeoutMs: parseTimeout(options.timeoutMs, DEFAULTS.timeoutMs),
    maxRetries: parseMaxRetries(options.maxRetries, DEFAULTS.maxRetries),
    maxAttempts: parsePositiveInteger('maxAttempts', options.maxAttempts, DEFAULTS.maxAttempts),
    maxResponseBytes: parsePositiveInteger('maxResponseBytes', options.maxResponseBytes, DEFAULTS.maxResponseBytes),
    headers: options.headers ?? {},
    fetch: options.fetch,
    middleware: options.middleware ?? [],
  };
}

export function parseNonNegative(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ConfigurationError(`${name} must be a non-negative number, got ${JSON.stringify(value)}`);
  }
  return value;
}

/** `maxRetries`: a non-negative number up to `MAX_RETRIES_LIMIT`. */
export function parseMaxRetries(value: unknown, fallback: number): number {
  const maxRetries = parseNonNegative('maxRetries', value, fallback);
  if (maxRetries > MAX_RETRIES_LIMIT) {
    throw new ConfigurationError(`maxRetries must be at most ${MAX_RETRIES_LIMIT}, got ${maxRetries}`);
  }
  return maxRetries;
}

export function parsePositiveInteger(name: string, value: unknown, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || (value as number) <= 0) {
    throw new ConfigurationError(`${name} must be a positive integer, got ${JSON.stringify(value)}`);
  }
  return value as number;
}

/** `timeoutMs`, bounded by what `setTimeout` can wait, so a huge value is an error, not a 1 ms deadline. */
export function parseTimeout(value: unknown, fallback: number, name = 'timeoutMs'): number {
  const timeoutMs = parseNonNegative(name, value, fallback);
  if (timeoutMs > MAX_TIMER_MS) {
    throw new ConfigurationError(`${name} must be at most ${MAX_TIMER_MS} (about 24.8 days), got ${timeoutMs}`);
  }
  return timeoutMs;
}
