import { validateChatCompletionRequest } from '../../generated/validators/chat-completion-request.js';
import { BadRequestError } from '../errors/error-classes.js';
import { memoizeImport } from '../loading/memoize-import.js';
import type { Operation } from './operation.js';

type RequestValidator = (data: unknown) => string | undefined;

/**
 * The generated validator of each operation's request (`schemas/api/`, `x-request-validators`).
 * Chat's is loaded with the client; the others on their first call, so a chat-only app never
 * parses them (like the endpoint shapes in `resolve-wire-shape.ts`).
 */
const VALIDATORS: Readonly<Partial<Record<Operation, () => Promise<RequestValidator>>>> = {
  embed: memoizeImport(async () => (await import('../../generated/validators/embedding-request.js')).validateEmbeddingRequest),
  completion: memoizeImport(
    async () => (await import('../../generated/validators/text-completion-request.js')).validateTextCompletionRequest,
  ),
  imageGenerate: memoizeImport(
    async () => (await import('../../generated/validators/image-generate-request.js')).validateImageGenerateRequest,
  ),
  speech: memoizeImport(async () => (await import('../../generated/validators/speech-request.js')).validateSpeechRequest),
  transcribe: memoizeImport(
    async () => (await import('../../generated/validators/transcription-request.js')).validateTranscriptionRequest,
  ),
  translate: memoizeImport(
    async () => (await import('../../generated/validators/translation-request.js')).validateTranslationRequest,
  ),
  moderate: memoizeImport(async () => (await import('../../generated/validators/moderation-request.js')).validateModerationRequest),
  rerank: memoizeImport(async () => (await import('../../generated/validators/rerank-request.js')).validateRerankRequest),
  search: memoizeImport(async () => (await import('../../generated/validators/search-request.js')).validateSearchRequest),
  ocr: memoizeImport(async () => (await import('../../generated/validators/ocr-request.js')).validateOcrRequest),
  'files.create': memoizeImport(async () => (await import('../../generated/validators/file-create-request.js')).validateFileCreateRequest),
  'batches.create': memoizeImport(
    async () => (await import('../../generated/validators/batch-create-request.js')).validateBatchCreateRequest,
  ),
  'responses.create': memoizeImport(loadResponseValidator),
  'responses.createStream': memoizeImport(loadResponseValidator),
};

async function loadResponseValidator(): Promise<RequestValidator> {
  return (await import('../../generated/validators/response-create-request.js')).validateResponseCreateRequest;
}

/** Path segments a URL resolves away: never part of a real model or object id. */
const DOT_SEGMENT = /(?:^|\/)\.\.?(?:\/|$)/;

/**
 * Checks a request before anything is spent or sent: against its schema (a `BadRequestError`
 * naming the field, `messages[0].role`), and for a `model` with a `.` or `..` path segment, which
 * would address another URL once placed in a path. Synchronous for chat, the hot path.
 */
export function checkRequest(operation: Operation, request: unknown): void | Promise<void> {
  if (operation === 'chat' || operation === 'chatStream') return report(operation, request, validateChatCompletionRequest);
  const load = VALIDATORS[operation];
  if (load === undefined) return undefined;
  return load().then((validate) => report(operation, request, validate));
}

/** `.` and `..` as an id placed in a URL path (file, batch, stored response, model). */
export function checkPathId(operation: Operation, field: string, id: string): void {
  if (DOT_SEGMENT.test(id)) {
    throw new BadRequestError(`${operation}(request): ${field} must not be "." or ".." or contain such a path segment`);
  }
}

function report(operation: Operation, request: unknown, validate: RequestValidator): void {
  const problem = validate(request);
  if (problem !== undefined) throw new BadRequestError(`${operation}(request): ${problem}`);
  const model = (request as { model?: unknown }).model;
  if (typeof model === 'string') checkPathId(operation, 'model', model);
}
