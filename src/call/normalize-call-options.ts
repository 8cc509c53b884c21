import { ConfigurationError } from '../errors/error-classes.js';
import type { NormalizedCallOptions } from './call-context.js';
import type { CallOptions } from '../client/client-options.js';
import { parseMaxRetries, parsePositiveInteger, parseTimeout, type NormalizedClientOptions } from '../client/normalize-client-options.js';

const EMPTY_TAGS: readonly string[] = Object.freeze([]);
const EMPTY_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

/**
 * Every call option a method accepts (`provider` for files, batches and stored responses). A name
 * outside it is a typo or an option of another version, refused rather than silently ignored; a
 * new call option is added here.
 */
const CALL_OPTION_NAMES: ReadonlySet<string> = new Set([
  'signal',
  'timeoutMs',
  'maxRetries',
  'maxAttempts',
  'headers',
  'cache',
  'tags',
  'provider',
  'maxResponseBytes',
  'streamTimeoutMs',
]);

/** The call options with the client's defaults applied; a bad option is a `ConfigurationError` naming it. */
export function normalizeCallOptions(client: NormalizedClientOptions, options: CallOptions | undefined): NormalizedCallOptions {
  if (options === undefined) {
    return {
      signal: undefined,
      timeoutMs: client.timeoutMs,
      deadlineAt: Date.now() + client.timeoutMs,
      maxRetries: client.maxRetries,
      maxAttempts: client.maxAttempts,
      maxResponseBytes: client.maxResponseBytes,
      streamTimeoutMs: undefined,
      headers: EMPTY_HEADERS,
      cache: undefined,
      tags: EMPTY_TAGS,
    };
  }
  checkCallOptions(options);
  const timeoutMs = parseTimeout(options.timeoutMs, client.timeoutMs);
  return {
    signal: options.signal,
    timeoutMs,
    deadlineAt: Date.now() + timeoutMs,
    maxRetries: parseMaxRetries(options.maxRetries, client.maxRetries),
    maxAttempts: parsePositiveInteger('maxAttempts', options.maxAttempts, client.maxAttempts),
    maxResponseBytes: parsePositiveInteger('maxResponseBytes', options.maxResponseBytes, client.maxResponseBytes),
    streamTimeoutMs: parseStreamTimeout(options.streamTimeoutMs),
    headers: options.headers ?? EMPTY_HEADERS,
    cache: options.cache,
    tags: options.tags ?? EMPTY_TAGS,
  };
}

function checkCallOptions(options: unknown): void {
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new ConfigurationError('options must be an object of call options');
  }
  for (const name of Object.keys(options)) {
    if (!CALL_OPTION_NAMES.has(name)) {
      throw new ConfigurationError(`options.${name} is not a call option (known: ${[...CALL_OPTION_NAMES].join(', ')})`);
    }
  }
  const { signal, headers, tags, cache } = options as Record<string, unknown>;
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new ConfigurationError('options.signal must be an AbortSignal');
  }
  if (tags !== undefined && !(Array.isArray(tags) && tags.every((tag) => typeof tag === 'string'))) {
    throw new ConfigurationError('options.tags must be an array of strings');
  }
  if (cache !== undefined && typeof cache !== 'boolean') throw new ConfigurationError('options.cache must be a boolean');
  if (headers !== undefined) {
    if (headers === null || typeof headers !== 'object' || Array.isArray(headers)) {
      throw new ConfigurationError('options.headers must be a record of header names to string values');
    }
    for (const [name, value] of Object.entries(headers)) {
      if (typeof value !== 'string') throw new ConfigurationError(`options.headers["${name}"] must be a string`);
    }
  }
}

function parseStreamTimeout(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (value === 0) throw new ConfigurationError('streamTimeoutMs must be a positive number of milliseconds, got 0');
  return parseTimeout(value, 0, 'streamTimeoutMs');
}
