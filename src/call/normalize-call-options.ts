import { ConfigurationError } from '../errors/error-classes.js';
import type { NormalizedCallOptions } from './call-context.js';
import type { CallOptions } from '../client/client-options.js';
import { parseNonNegative, parsePositiveInteger, parseTimeout, type NormalizedClientOptions } from '../client/normalize-client-options.js';

const EMPTY_TAGS: readonly string[] = Object.freeze([]);
const EMPTY_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

export function normalizeCallOptions(client: NormalizedClientOptions, options: CallOptions | undefined): NormalizedCallOptions {
  return {
    signal: options?.signal,
    timeoutMs: parseTimeout(options?.timeoutMs, client.timeoutMs),
    maxRetries: parseNonNegative('maxRetries', options?.maxRetries, client.maxRetries),
    maxResponseBytes: parsePositiveInteger('maxResponseBytes', options?.maxResponseBytes, client.maxResponseBytes),
    streamTimeoutMs: parseStreamTimeout(options?.streamTimeoutMs),
    headers: options?.headers ?? EMPTY_HEADERS,
    cache: options?.cache,
    tags: options?.tags ?? EMPTY_TAGS,
  };
}

function parseStreamTimeout(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (value === 0) throw new ConfigurationError('streamTimeoutMs must be a positive number of milliseconds, got 0');
  return parseTimeout(value, 0, 'streamTimeoutMs');
}
