import type { NormalizedCallOptions } from './call-context.js';
import type { CallOptions } from '../client/client-options.js';
import { parseNonNegative, parseTimeout, type NormalizedClientOptions } from '../client/normalize-client-options.js';

const EMPTY_TAGS: readonly string[] = Object.freeze([]);
const EMPTY_HEADERS: Readonly<Record<string, string>> = Object.freeze({});

export function normalizeCallOptions(client: NormalizedClientOptions, options: CallOptions | undefined): NormalizedCallOptions {
  return {
    signal: options?.signal,
    timeoutMs: parseTimeout(options?.timeoutMs, client.timeoutMs),
    maxRetries: parseNonNegative('maxRetries', options?.maxRetries, client.maxRetries),
    headers: options?.headers ?? EMPTY_HEADERS,
    cache: options?.cache,
    tags: options?.tags ?? EMPTY_TAGS,
  };
}
