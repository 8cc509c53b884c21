import type { LiterLlmError } from '../errors/liter-llm-error.js';
import type { ProviderDefinition, ProviderQuirks } from '../provider-definition.js';

/**
 * A provider with the client's options applied, built once at client construction. Secrets live
 * only inside the closures of `buildUrl` and `buildHeaders`, so logging or serializing a resolved
 * provider shows no key.
 */
export interface ResolvedProvider {
  readonly id: string;
  readonly definition: ProviderDefinition;
  /** True for the synthetic provider behind a client-level `baseURL`. */
  readonly gateway: boolean;
  readonly quirks: ProviderQuirks;
  /** Why calls cannot be made (missing key or URL variable); thrown at call time, not construction. */
  readonly unavailable: (() => LiterLlmError) | undefined;
  /** Absolute URL for an endpoint path of this provider, with `{model}` filled and query parameters added. */
  buildUrl(path: string, model: string): string;
  /** Headers for one request: quirks, client, provider override, then per-call headers; auth included. */
  buildHeaders(callHeaders: Readonly<Record<string, string>>): Record<string, string>;
}

export interface ProviderOverride {
  readonly baseURL?: string | undefined;
  readonly apiKey?: string | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Values for `{placeholders}` in the provider's URLs (else their environment variables). */
  readonly urlVariables?: Readonly<Record<string, string>> | undefined;
}
