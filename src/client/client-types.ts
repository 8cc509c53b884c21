import type {
  ChatCompletionRequest,
  ChatCompletionResponse,
  EmbeddingRequest,
  EmbeddingResponse,
  ModelsListResponse,
} from '../../generated/types/index.js';
import type { EndpointName, ProviderDefinition } from '../provider-definition.js';
import type { ChatStream } from '../streaming/chat-stream.js';
import type { CallOptions } from './client-options.js';

/** What the type system knows of one provider: its model ids and the endpoints it declares. */
export interface CatalogEntry {
  readonly modelId: string;
  readonly endpoints: EndpointName;
}

export type Catalog = { readonly [providerId: string]: CatalogEntry };

/** The catalog of a list of `as const` provider definitions (the generated ones are). */
export type CatalogOf<Definitions extends readonly ProviderDefinition[]> = {
  readonly [D in Definitions[number] as D['id']]: {
    readonly modelId: D['models'][number];
    readonly endpoints: keyof D['endpoints'] & EndpointName;
  };
};

/** Known ids autocomplete; any other string is still accepted (new models appear all the time). */
export type ModelField<Known extends string> = Known | (string & {});

/** `provider/model` strings for every known model of a catalog, plus any string. */
export type RoutedModel<C extends Catalog> = ModelField<
  { [P in keyof C & string]: `${P}/${C[P]['modelId']}` }[keyof C & string]
>;

export type WithModel<Request, Model extends string> = Omit<Request, 'model'> & { model: Model };

interface ChatMethods<Model extends string> {
  /** A chat completion. */
  chat(request: WithModel<ChatCompletionRequest, Model>, options?: CallOptions): Promise<ChatCompletionResponse>;
  /** A streamed chat completion; iterate it once. */
  chatStream(request: WithModel<ChatCompletionRequest, Model>, options?: CallOptions): ChatStream;
}

interface EmbedMethods<Model extends string> {
  embed(request: WithModel<EmbeddingRequest, Model>, options?: CallOptions): Promise<EmbeddingResponse>;
}

interface ListModelsMethods {
  listModels(options?: CallOptions): Promise<ModelsListResponse>;
}

/** Which methods each declared endpoint brings to a per-provider client. */
interface MethodsByEndpoint<Model extends string> {
  chat: ChatMethods<Model>;
  embeddings: EmbedMethods<Model>;
  models: ListModelsMethods;
}

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void
  ? I
  : never;

/** A client bound to one provider: only the endpoints it declares, its model ids autocomplete. */
export type ProviderClient<Id extends string, Entry extends CatalogEntry> = { readonly id: Id } & UnionToIntersection<
  MethodsByEndpoint<ModelField<Entry['modelId']>>[Entry['endpoints'] & keyof MethodsByEndpoint<string>]
>;

/** The multi-provider client returned by `createClient`. */
export interface LiterLlmClient<C extends Catalog> {
  chat(request: WithModel<ChatCompletionRequest, RoutedModel<C>>, options?: CallOptions): Promise<ChatCompletionResponse>;
  chatStream(request: WithModel<ChatCompletionRequest, RoutedModel<C>>, options?: CallOptions): ChatStream;
  embed(request: WithModel<EmbeddingRequest, RoutedModel<C>>, options?: CallOptions): Promise<EmbeddingResponse>;
  /** The models of one provider (or of the gateway when the client has a `baseURL`). */
  listModels(request?: { provider?: keyof C & string }, options?: CallOptions): Promise<ModelsListResponse>;
  /** A client bound to one provider. Unknown ids do not compile. */
  provider<Id extends keyof C & string>(id: Id): ProviderClient<Id, C[Id]>;
}
