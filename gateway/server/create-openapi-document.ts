import audio from '../../schemas/api/audio.json' with { type: 'json' };
import batches from '../../schemas/api/batches.json' with { type: 'json' };
import chat from '../../schemas/api/chat.json' with { type: 'json' };
import embeddings from '../../schemas/api/embeddings.json' with { type: 'json' };
import files from '../../schemas/api/files.json' with { type: 'json' };
import images from '../../schemas/api/images.json' with { type: 'json' };
import models from '../../schemas/api/models.json' with { type: 'json' };
import moderations from '../../schemas/api/moderations.json' with { type: 'json' };
import rerank from '../../schemas/api/rerank.json' with { type: 'json' };
import responses from '../../schemas/api/responses.json' with { type: 'json' };

const SCHEMAS = { audio, batches, chat, embeddings, files, images, models, moderations, rerank, responses } as const;

type Route = readonly [method: 'get' | 'post' | 'delete', path: string, summary: string, request?: string, response?: string];

const ROUTES: readonly Route[] = [
  ['post', '/v1/chat/completions', 'Chat completion (SSE when stream is true)', 'chat#ChatCompletionRequest', 'chat#ChatCompletionResponse'],
  ['post', '/v1/responses', 'Responses API (SSE when stream is true)', 'responses#ResponseCreateRequest'],
  ['post', '/v1/embeddings', 'Embeddings', 'embeddings#EmbeddingRequest', 'embeddings#EmbeddingResponse'],
  ['get', '/v1/models', 'The model names this key may use', undefined, 'models#ModelsListResponse'],
  ['post', '/v1/images/generations', 'Image generation', 'images#ImageGenerateRequest', 'images#ImagesResponse'],
  ['post', '/v1/audio/speech', 'Text to speech (audio bytes)', 'audio#SpeechRequest'],
  ['post', '/v1/audio/transcriptions', 'Transcription (multipart/form-data)', undefined, 'audio#TranscriptionResponse'],
  ['post', '/v1/moderations', 'Moderation', 'moderations#ModerationRequest', 'moderations#ModerationResponse'],
  ['post', '/v1/rerank', 'Rerank', 'rerank#RerankRequest', 'rerank#RerankResponse'],
  ['post', '/v1/files', 'Upload a file (multipart/form-data; provider as a query parameter or form field)', undefined, 'files#FileObject'],
  ['get', '/v1/files', 'List files', undefined, 'files#FileListResponse'],
  ['get', '/v1/files/{id}', 'Retrieve a file', undefined, 'files#FileObject'],
  ['delete', '/v1/files/{id}', 'Delete a file', undefined, 'files#FileDeleteResponse'],
  ['get', '/v1/files/{id}/content', 'A file’s bytes'],
  ['post', '/v1/batches', 'Create a batch', 'batches#BatchCreateRequest', 'batches#Batch'],
  ['get', '/v1/batches', 'List batches', undefined, 'batches#BatchListResponse'],
  ['get', '/v1/batches/{id}', 'Retrieve a batch', undefined, 'batches#Batch'],
  ['post', '/v1/batches/{id}/cancel', 'Cancel a batch', undefined, 'batches#Batch'],
  ['post', '/v1/messages', 'Anthropic Messages API, routed to any configured model (SSE when stream is true)'],
  ['get', '/health/liveness', 'Liveness (public)'],
  ['get', '/health/readiness', 'Readiness (public): 503 while stopping or when the store is unreachable'],
  ['get', '/metrics', 'Prometheus metrics (master key unless server.publicMetrics)'],
];

/**
 * The gateway's OpenAPI 3.1 document. Request and response bodies point into the SDK's own API
 * schemas (`schemas/api/*.json`), embedded whole under `components.schemas` so that their internal
 * references resolve against their `$id`, as JSON Schema 2020-12 (and so OpenAPI 3.1) reads them.
 */
export function createOpenApiDocument(version: string): Record<string, unknown> {
  const ref = (target: string): { $ref: string } => {
    const [file, definition] = target.split('#') as [keyof typeof SCHEMAS, string];
    return { $ref: `#/components/schemas/${file}/$defs/${definition}` };
  };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [method, path, summary, request, response] of ROUTES) {
    const parameters = path.includes('{id}') ? [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }] : undefined;
    (paths[path] ??= {})[method] = {
      summary,
      ...(path.startsWith('/health') ? { security: [] } : {}),
      ...(parameters === undefined ? {} : { parameters }),
      ...(request === undefined ? {} : { requestBody: { required: true, content: { 'application/json': { schema: ref(request) } } } }),
      responses: {
        '200': { description: 'OK', ...(response === undefined ? {} : { content: { 'application/json': { schema: ref(response) } } }) },
        default: { description: 'An error as OpenAI error JSON', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'liter-llm gateway', version, description: 'OpenAI- and Anthropic-compatible endpoints for every configured model.' },
    security: [{ bearer: [] }, { apiKey: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer' }, apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' } },
      schemas: {
        ...SCHEMAS,
        Error: {
          type: 'object',
          required: ['error'],
          properties: { error: { type: 'object', required: ['message', 'type'], properties: { message: { type: 'string' }, type: { type: 'string' }, code: { type: ['string', 'null'] }, param: { type: ['string', 'null'] } } } },
        },
      },
    },
  };
}
