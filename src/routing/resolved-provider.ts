import type { Authorizer } from '../dialects/dialect.js';
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
  /**
   * Whether the client was configured for this provider: a key of its own (`providers[id].apiKey`,
   * `apiKeys[id]` or its environment variable) or a `providers[id]` override. The client-wide
   * `apiKey` alone does not count. `listModels()` without a provider lists these.
   */
  readonly configured: boolean;
  readonly quirks: ProviderQuirks;
  /** Per-request credentials for dialects that sign or exchange tokens; undefined for static headers. */
  readonly authorizer: Authorizer | undefined;
  /** Why calls cannot be made (missing key or URL variable); thrown at call time, not construction. */
  readonly unavailable: (() => LiterLlmError) | undefined;
  /**
   * The value of one of the provider's URL variables (from `providers[id].urlVariables`, its
   * environment variable or its default), for a dialect that sends it outside the URL (watsonx's
   * project id); undefined when it has none. Absent on providers that are not resolved from an entry.
   */
  urlVariable?(name: string): string | undefined;
  /** Absolute URL for an endpoint path of this provider, with `{model}` filled and query parameters added. */
  buildUrl(path: string, model: string): string;
  /** Headers for one request: quirks, client, provider override, then per-call headers; auth included. */
  buildHeaders(callHeaders: Readonly<Record<string, string>>): Record<string, string>;
  /**
   * A hex SHA-256 that tells this provider's calls apart in a shared cache, computed once per
   * scope: `shared` hashes the provider id and the effective base URL; `credential` adds every
   * credential and header the provider sends by itself (key header or query parameter, client and
   * provider headers, the authorizer's credential identity). Secrets are hashed, never kept.
   */
  scopeDigest(scope: CacheScope): Promise<string>;
}

/** Whether cache entries are shared by every caller of a provider and base URL, or per credential. */
export type CacheScope = 'credential' | 'shared';

export interface ProviderOverride {
  readonly baseURL?: string | undefined;
  readonly apiKey?: string | undefined;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** Values for `{placeholders}` in the provider's URLs (else their environment variables). */
  readonly urlVariables?: Readonly<Record<string, string>> | undefined;
  /**
   * An OAuth access token, or a function returning one (called per request; cache inside it):
   * Vertex AI instead of a service account, Azure OpenAI with an Entra ID token.
   */
  readonly accessToken?: string | (() => string | Promise<string>) | undefined;
  /** Vertex AI: a service-account key, as its JSON text or parsed object. */
  readonly serviceAccount?: string | Readonly<Record<string, unknown>> | undefined;
  /**
   * Anthropic's API only: sends `anthropic-dangerous-direct-browser-access: true`, without which
   * Anthropic refuses requests from a browser (CORS). Dangerous: a key in browser code is readable
   * by every user of the page; use it only with a key each user brings, or behind a gateway.
   */
  readonly dangerouslyAllowBrowser?: boolean | undefined;
  /** AWS credentials for SigV4 (Bedrock); else the standard AWS environment variables. */
  readonly aws?:
    | {
        readonly accessKeyId?: string | undefined;
        readonly secretAccessKey?: string | undefined;
        readonly sessionToken?: string | undefined;
        readonly region?: string | undefined;
      }
    | undefined;
}
