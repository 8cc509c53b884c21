/**
 * The runtime shape of one registry provider, fully defaulted. The generator emits one of these per
 * provider into `generated/providers/<id>.ts`; `customProviders` are normalized into the same shape.
 * It is the only channel through which registry facts reach the runtime.
 */

/** Wire formats. `openai` is implemented by the core; the others are implemented in `src/dialects/`. */
export type DialectName =
  | 'openai'
  | 'anthropic'
  | 'gemini'
  | 'vertex_ai'
  | 'bedrock'
  | 'cohere'
  | 'azure'
  | 'replicate'
  | 'sagemaker'
  | 'watsonx'
  | 'cloudflare'
  | 'huggingface'
  | 'ollama'
  | 'ai21'
  | 'aleph_alpha'
  | 'nlp_cloud'
  | 'predibase'
  | 'baseten'
  | 'petals'
  | 'voyage'
  | 'jina'
  | 'elevenlabs'
  | 'deepgram'
  | 'assemblyai'
  | 'search'
  | 'mistral_ocr'
  | 'custom';

/** Everything a provider may serve. Keys of `ProviderDefinition.endpoints`. */
export type EndpointName =
  | 'chat'
  | 'embeddings'
  | 'models'
  | 'completions'
  | 'images'
  | 'speech'
  | 'transcriptions'
  | 'translations'
  | 'moderations'
  | 'rerank'
  | 'search'
  | 'ocr'
  | 'files'
  | 'batches'
  | 'responses';

export type AuthDefinition =
  | { readonly scheme: 'bearer'; readonly envVar: string; readonly optional: boolean }
  | {
      readonly scheme: 'header';
      readonly header: string;
      readonly prefix: string;
      readonly envVar: string;
      readonly optional: boolean;
    }
  | { readonly scheme: 'query'; readonly param: string; readonly envVar: string; readonly optional: boolean }
  | { readonly scheme: 'none' };

export interface EndpointDefinition {
  /** Appended to the base URL. May contain `{model}` and `{variable}` placeholders. */
  readonly path: string;
}

/**
 * A `{name}` placeholder in `baseURL` or a path, filled from an environment variable or a default;
 * or derived from another variable (`derivedFrom` a host that depends on a region): the text `values` gives for
 * that variable's value, else the `default` template with `{<derivedFrom>}` filled.
 */
export type UrlVariableDefinition =
  | { readonly envVar: string; readonly default?: string }
  | { readonly derivedFrom: string; readonly values: Readonly<Record<string, string>>; readonly default: string };

export interface ProviderQuirks {
  /** OpenAI parameter name -> the provider's name for it. */
  readonly renameParams: Readonly<Record<string, string>>;
  /** OpenAI parameters the provider rejects; removed and reported in `callInfo().warnings`. */
  readonly dropParams: readonly string[];
  /** Message role -> role the provider accepts (e.g. `developer` -> `system`). */
  readonly roleMap: Readonly<Record<string, string>>;
  /** Headers sent on every request to this provider. */
  readonly headers: Readonly<Record<string, string>>;
  /** Static query parameters sent on every request (e.g. `api-version`). */
  readonly query: Readonly<Record<string, string>>;
  /** Whether streams accept `stream_options.include_usage`. */
  readonly streamUsage: boolean;
  /** Parameters filled in when the request leaves them out (e.g. a required `max_tokens`). */
  readonly defaultParams: Readonly<Record<string, unknown>>;
  /** Whether a function tool without `parameters` must be sent with an empty object schema. */
  readonly requireToolParameters?: boolean;
  /** How OpenAI `file` content parts are sent; absent: as they are. */
  readonly fileParts?: 'document_url';
}

export interface ProviderDefinition {
  readonly id: string;
  readonly name: string;
  readonly kind: 'hosted' | 'local';
  readonly dialect: DialectName;
  readonly baseURL: string;
  readonly urlVariables: Readonly<Record<string, UrlVariableDefinition>>;
  readonly auth: AuthDefinition;
  readonly endpoints: Readonly<Partial<Record<EndpointName, EndpointDefinition>>>;
  readonly modelPrefixes: readonly string[];
  readonly models: readonly string[];
  readonly quirks: ProviderQuirks;
}
