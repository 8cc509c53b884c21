// Type tests of the endpoint methods: checked by `npm run typecheck` (tsc), never executed. A line
// marked with an expect-error directive fails the typecheck if the error it expects disappears.
import { expectTypeOf } from 'vitest';
import {
  createClient,
  type AllModelsListResponse,
  type Batch,
  type BatchListResponse,
  type BinaryResponse,
  type EndpointName,
  type FileDeleteResponse,
  type FileListResponse,
  type FileObject,
  type ImagesResponse,
  type ModelsListResponse,
  type ModerationResponse,
  type OcrResponse,
  type ProviderClient,
  type RerankResponse,
  type ResponseObject,
  type ResponseStream,
  type SearchResponse,
  type TextCompletionResponse,
  type TranscriptionResponse,
} from '../../src/index.js';

const client = createClient();
const audio = new Uint8Array([1, 2, 3]);

// The multi-provider client has every method, routed by provider/model.
expectTypeOf(client.imageGenerate({ model: 'openai/dall-e-3', prompt: 'a cat' })).toEqualTypeOf<
  Promise<ImagesResponse>
>();
expectTypeOf(client.speech({ model: 'openai/tts-1', input: 'Hi', voice: 'alloy' })).toEqualTypeOf<
  Promise<BinaryResponse>
>();
expectTypeOf(client.transcribe({ model: 'openai/whisper-1', file: audio, response_format: 'srt' })).toEqualTypeOf<
  Promise<TranscriptionResponse>
>();
expectTypeOf(client.translate({ model: 'openai/whisper-1', file: new Blob([audio]) })).toEqualTypeOf<
  Promise<TranscriptionResponse>
>();
expectTypeOf(client.moderate({ model: 'openai/omni-moderation-latest', input: ['a', 'b'] })).toEqualTypeOf<
  Promise<ModerationResponse>
>();
expectTypeOf(client.rerank({ model: 'cohere/rerank-v3.5', query: 'q', documents: ['a', { text: 'b' }] })).toEqualTypeOf<
  Promise<RerankResponse>
>();
expectTypeOf(client.search({ model: 'brave/web-search', query: 'q', max_results: 3 })).toEqualTypeOf<
  Promise<SearchResponse>
>();
expectTypeOf(
  client.ocr({
    model: 'mistral/mistral-ocr-latest',
    document: { type: 'document_url', document_url: 'https://example.com/a.pdf' },
  }),
).toEqualTypeOf<Promise<OcrResponse>>();
expectTypeOf(client.completion({ model: 'openai/gpt-3.5-turbo-instruct', prompt: 'Say hi' })).toEqualTypeOf<
  Promise<TextCompletionResponse>
>();
client.transcribe({ model: 'openai/whisper-1', file: new ReadableStream<Uint8Array>(), filename: 'a.mp3' });
// @ts-expect-error a file is bytes, a Blob or a stream, not a path
client.transcribe({ model: 'openai/whisper-1', file: './audio.mp3' });
// @ts-expect-error response_format is one of the documented formats
client.transcribe({ model: 'openai/whisper-1', file: audio, response_format: 'mp3' });
// @ts-expect-error an OCR document has a type
client.ocr({ model: 'mistral/mistral-ocr-latest', document: { url: 'https://example.com/a.pdf' } });

// Files, batches and stored responses pick their provider in the options.
expectTypeOf(client.files.create({ file: audio, purpose: 'batch' })).toEqualTypeOf<Promise<FileObject>>();
expectTypeOf(client.files.retrieve('file-1', { provider: 'groq' })).toEqualTypeOf<Promise<FileObject>>();
expectTypeOf(client.files.list({ limit: 10, order: 'desc', after: 'file-1' })).toEqualTypeOf<
  Promise<FileListResponse>
>();
expectTypeOf(client.files.delete('file-1')).toEqualTypeOf<Promise<FileDeleteResponse>>();
expectTypeOf(client.files.content('file-1')).toEqualTypeOf<Promise<BinaryResponse>>();
expectTypeOf(
  client.batches.create({ input_file_id: 'file-1', endpoint: '/v1/chat/completions', completion_window: '24h' }),
).toEqualTypeOf<Promise<Batch>>();
expectTypeOf(client.batches.list({ limit: 5 }, { provider: 'together_ai' })).toEqualTypeOf<
  Promise<BatchListResponse>
>();
expectTypeOf(client.batches.cancel('batch-1')).toEqualTypeOf<Promise<Batch>>();
// @ts-expect-error unknown provider ids do not compile
client.files.list({}, { provider: 'not-a-provider' });
// @ts-expect-error order is asc or desc
client.files.list({ order: 'newest' });
// @ts-expect-error a file upload needs a purpose
client.files.create({ file: audio });

// The Responses API: `stream: true` returns the event stream.
expectTypeOf(client.responses.create({ model: 'openai/gpt-4o', input: 'Hi' })).toEqualTypeOf<Promise<ResponseObject>>();
expectTypeOf(
  client.responses.create({ model: 'openai/gpt-4o', input: 'Hi', stream: true }),
).toEqualTypeOf<ResponseStream>();
expectTypeOf(client.responses.retrieve('resp_1', { provider: 'openai' })).toEqualTypeOf<Promise<ResponseObject>>();
expectTypeOf(client.responses.cancel('resp_1')).toEqualTypeOf<Promise<ResponseObject>>();

// listModels: one provider, or across providers.
expectTypeOf(client.listModels({ provider: 'groq' })).toEqualTypeOf<Promise<ModelsListResponse>>();
expectTypeOf(client.listModels()).toEqualTypeOf<Promise<AllModelsListResponse>>();

// Per-provider clients show exactly the endpoints the registry declares.
const openai = client.provider('openai');
expectTypeOf(openai.imageGenerate).toBeFunction();
expectTypeOf(openai.speech).toBeFunction();
expectTypeOf(openai.transcribe).toBeFunction();
expectTypeOf(openai.translate).toBeFunction();
expectTypeOf(openai.moderate).toBeFunction();
expectTypeOf(openai.completion).toBeFunction();
expectTypeOf(openai.files.create).toBeFunction();
expectTypeOf(openai.batches.cancel).toBeFunction();
expectTypeOf(openai.responses.create({ model: 'gpt-4o', input: 'Hi', stream: true })).toEqualTypeOf<ResponseStream>();
// @ts-expect-error openai declares no rerank endpoint
openai.rerank({ model: 'x', query: 'q', documents: [] });

const perplexity = client.provider('perplexity');
// @ts-expect-error perplexity declares no images endpoint
perplexity.imageGenerate({ model: 'x', prompt: 'a cat' });
// @ts-expect-error perplexity declares no files endpoint
void perplexity.files;

const groq = client.provider('groq');
expectTypeOf(groq.speech).toBeFunction();
expectTypeOf(groq.files.list).toBeFunction();
// @ts-expect-error groq declares no images endpoint
groq.imageGenerate({ model: 'x', prompt: 'a cat' });
// @ts-expect-error a per-provider client already names its provider
groq.files.list({}, { provider: 'openai' });

const mistral = client.provider('mistral');
expectTypeOf(mistral.ocr).toBeFunction();
expectTypeOf(mistral.moderate).toBeFunction();
// @ts-expect-error mistral declares no speech endpoint
mistral.speech({ model: 'x', input: 'Hi', voice: 'alloy' });

const cohere = client.provider('cohere');
expectTypeOf(cohere.rerank({ model: 'rerank-v3.5', query: 'q', documents: ['a'] })).toEqualTypeOf<
  Promise<RerankResponse>
>();
// @ts-expect-error cohere declares no batches endpoint
void cohere.batches;

const brave = client.provider('brave');
expectTypeOf(brave.search).toBeFunction();
// @ts-expect-error brave serves search only
brave.chat({ model: 'x', messages: [] });

// Every registry endpoint brings exactly its methods (mirrored at run time by METHODS_BY_ENDPOINT).
type MethodsOf<E extends EndpointName> = Exclude<keyof ProviderClient<'p', { modelId: 'm'; endpoints: E }>, 'id'>;
expectTypeOf<MethodsOf<'chat'>>().toEqualTypeOf<'chat' | 'chatStream'>();
expectTypeOf<MethodsOf<'embeddings'>>().toEqualTypeOf<'embed'>();
expectTypeOf<MethodsOf<'models'>>().toEqualTypeOf<'listModels'>();
expectTypeOf<MethodsOf<'completions'>>().toEqualTypeOf<'completion'>();
expectTypeOf<MethodsOf<'images'>>().toEqualTypeOf<'imageGenerate'>();
expectTypeOf<MethodsOf<'speech'>>().toEqualTypeOf<'speech'>();
expectTypeOf<MethodsOf<'transcriptions'>>().toEqualTypeOf<'transcribe'>();
expectTypeOf<MethodsOf<'translations'>>().toEqualTypeOf<'translate'>();
expectTypeOf<MethodsOf<'moderations'>>().toEqualTypeOf<'moderate'>();
expectTypeOf<MethodsOf<'rerank'>>().toEqualTypeOf<'rerank'>();
expectTypeOf<MethodsOf<'search'>>().toEqualTypeOf<'search'>();
expectTypeOf<MethodsOf<'ocr'>>().toEqualTypeOf<'ocr'>();
expectTypeOf<MethodsOf<'files'>>().toEqualTypeOf<'files'>();
expectTypeOf<MethodsOf<'batches'>>().toEqualTypeOf<'batches'>();
expectTypeOf<MethodsOf<'responses'>>().toEqualTypeOf<'responses'>();
