import type {
  Batch,
  BatchCreateRequest,
  BatchListParams,
  BatchListResponse,
  ChatCompletionRequest,
  ChatCompletionResponse,
  EmbeddingRequest,
  EmbeddingResponse,
  FileCreateRequest,
  FileDeleteResponse,
  FileListParams,
  FileListResponse,
  FileObject,
  ImageGenerateRequest,
  ImagesResponse,
  ModelsListResponse,
  ModerationRequest,
  ModerationResponse,
  OcrRequest,
  OcrResponse,
  RerankRequest,
  RerankResponse,
  ResponseCreateRequest,
  ResponseObject,
  SearchRequest,
  SearchResponse,
  SpeechRequest,
  TextCompletionRequest,
  TextCompletionResponse,
  TranscriptionRequest,
  TranscriptionResponse,
  TranslationRequest,
} from '../../generated/types/index.js';
import type { BinaryResponse } from '../streaming/binary-response.js';
import type { EndpointName, ProviderDefinition } from '../provider-definition.js';
import type { ChatStream } from '../streaming/chat-stream.js';
import type { ResponseStream } from '../streaming/response-stream.js';
import type { CallOptions } from './client-options.js';
import type { AllModelsListResponse } from './list-models-across-providers.js';

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

/**
 * Options of the methods whose request names no model (`files.*`, `batches.*`,
 * `responses.retrieve` and `responses.cancel`): `provider` says where the call goes. Default: the
 * gateway when the client has a `baseURL` (which then receives every call), else `openai`.
 */
export interface ProviderCallOptions<Provider extends string = string> extends CallOptions {
  provider?: Provider;
}

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

interface CompletionMethods<Model extends string> {
  /** A legacy text completion (`POST /completions`). */
  completion(request: WithModel<TextCompletionRequest, Model>, options?: CallOptions): Promise<TextCompletionResponse>;
}

interface ImageMethods<Model extends string> {
  /** Images from a prompt, as URLs or base64 (`response_format`). */
  imageGenerate(request: WithModel<ImageGenerateRequest, Model>, options?: CallOptions): Promise<ImagesResponse>;
}

interface SpeechMethods<Model extends string> {
  /** Speech audio from text, streamed: read `body`, or `bytes()` / `arrayBuffer()` for all of it. */
  speech(request: WithModel<SpeechRequest, Model>, options?: CallOptions): Promise<BinaryResponse>;
}

interface TranscriptionMethods<Model extends string> {
  /** Text from audio (multipart upload). `text`, `srt` and `vtt` formats come back as `{ text }`. */
  transcribe(request: WithModel<TranscriptionRequest, Model>, options?: CallOptions): Promise<TranscriptionResponse>;
}

interface TranslationMethods<Model extends string> {
  /** English text from audio in any language (multipart upload). */
  translate(request: WithModel<TranslationRequest, Model>, options?: CallOptions): Promise<TranscriptionResponse>;
}

interface ModerationMethods<Model extends string> {
  moderate(request: WithModel<ModerationRequest, Model>, options?: CallOptions): Promise<ModerationResponse>;
}

interface RerankMethods<Model extends string> {
  /** Documents ordered by relevance to a query (OpenAI-style, Cohere, Jina and Voyage shapes). */
  rerank(request: WithModel<RerankRequest, Model>, options?: CallOptions): Promise<RerankResponse>;
}

interface SearchMethods<Model extends string> {
  /** Web search, routed like a model (`brave/web-search`, `tavily/search`, `exa/search`). */
  search(request: WithModel<SearchRequest, Model>, options?: CallOptions): Promise<SearchResponse>;
}

interface OcrMethods<Model extends string> {
  /** Markdown pages from a document or image (Mistral OCR's shape). */
  ocr(request: WithModel<OcrRequest, Model>, options?: CallOptions): Promise<OcrResponse>;
}

/** `client.files`: uploads for batches, fine-tuning and assistants. */
export interface FilesApi<Options extends CallOptions = CallOptions> {
  /** Uploads a file (multipart, with `purpose`). */
  create(request: FileCreateRequest, options?: Options): Promise<FileObject>;
  retrieve(fileId: string, options?: Options): Promise<FileObject>;
  /** One page of files; pass the last id as `after` for the next. */
  list(params?: FileListParams, options?: Options): Promise<FileListResponse>;
  delete(fileId: string, options?: Options): Promise<FileDeleteResponse>;
  /** The file's bytes, streamed. */
  content(fileId: string, options?: Options): Promise<BinaryResponse>;
}

/** `client.batches`: asynchronous batch jobs over an uploaded JSONL file, or over requests given inline (Anthropic). */
export interface BatchesApi<Options extends CallOptions = CallOptions> {
  create(request: BatchCreateRequest, options?: Options): Promise<Batch>;
  retrieve(batchId: string, options?: Options): Promise<Batch>;
  /** One page of batches; pass the last id as `after` for the next. */
  list(params?: BatchListParams, options?: Options): Promise<BatchListResponse>;
  cancel(batchId: string, options?: Options): Promise<Batch>;
}

/** `client.responses`: OpenAI's Responses API. `create` routes by `model`. */
export interface ResponsesApi<Model extends string, Options extends CallOptions = CallOptions> {
  /** With `stream: true`: the response's events as an async iterable, iterated once. */
  create(request: WithModel<ResponseCreateRequest, Model> & { stream: true }, options?: CallOptions): ResponseStream;
  create(
    request: WithModel<ResponseCreateRequest, Model> & { stream?: false | undefined },
    options?: CallOptions,
  ): Promise<ResponseObject>;
  create(
    request: WithModel<ResponseCreateRequest, Model>,
    options?: CallOptions,
  ): ResponseStream | Promise<ResponseObject>;
  retrieve(responseId: string, options?: Options): Promise<ResponseObject>;
  /** Cancels a background response. */
  cancel(responseId: string, options?: Options): Promise<ResponseObject>;
}

/** Which methods each declared endpoint brings to a per-provider client. */
interface MethodsByEndpoint<Model extends string> {
  chat: ChatMethods<Model>;
  embeddings: EmbedMethods<Model>;
  models: ListModelsMethods;
  completions: CompletionMethods<Model>;
  images: ImageMethods<Model>;
  speech: SpeechMethods<Model>;
  transcriptions: TranscriptionMethods<Model>;
  translations: TranslationMethods<Model>;
  moderations: ModerationMethods<Model>;
  rerank: RerankMethods<Model>;
  search: SearchMethods<Model>;
  ocr: OcrMethods<Model>;
  files: { readonly files: FilesApi };
  batches: { readonly batches: BatchesApi };
  responses: { readonly responses: ResponsesApi<Model> };
}

type UnionToIntersection<U> = (U extends unknown ? (value: U) => void : never) extends (value: infer I) => void
  ? I
  : never;

/** A client bound to one provider: only the endpoints it declares, its model ids autocomplete. */
export type ProviderClient<Id extends string, Entry extends CatalogEntry> = { readonly id: Id } & UnionToIntersection<
  MethodsByEndpoint<ModelField<Entry['modelId']>>[Entry['endpoints'] & keyof MethodsByEndpoint<string>]
>;

/** The multi-provider client returned by `createClient`. */
export interface LiterLlmClient<C extends Catalog>
  extends
    ChatMethods<RoutedModel<C>>,
    EmbedMethods<RoutedModel<C>>,
    CompletionMethods<RoutedModel<C>>,
    ImageMethods<RoutedModel<C>>,
    SpeechMethods<RoutedModel<C>>,
    TranscriptionMethods<RoutedModel<C>>,
    TranslationMethods<RoutedModel<C>>,
    ModerationMethods<RoutedModel<C>>,
    RerankMethods<RoutedModel<C>>,
    SearchMethods<RoutedModel<C>>,
    OcrMethods<RoutedModel<C>> {
  /** The models of one provider (or of the gateway when the client has a `baseURL`). */
  listModels(request: { provider: keyof C & string }, options?: CallOptions): Promise<ModelsListResponse>;
  /**
   * Without a provider: the gateway's models when the client has a `baseURL`; else the models of
   * every provider with credentials configured, listed in parallel, ids as `provider/model`, and
   * each provider's failure in `errors` rather than thrown.
   */
  listModels(request?: { provider?: undefined }, options?: CallOptions): Promise<AllModelsListResponse>;
  readonly files: FilesApi<ProviderCallOptions<keyof C & string>>;
  readonly batches: BatchesApi<ProviderCallOptions<keyof C & string>>;
  readonly responses: ResponsesApi<RoutedModel<C>, ProviderCallOptions<keyof C & string>>;
  /** A client bound to one provider. Unknown ids do not compile. */
  /** Stops background work (health-check timers). The client stays usable; calls are no longer probed. */
  close(): void;
  provider<Id extends keyof C & string>(id: Id): ProviderClient<Id, C[Id]>;
}
