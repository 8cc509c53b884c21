import type {
  ChatCompletionChunk,
  ChatCompletionRequest,
  ChatCompletionResponse,
  EmbeddingRequest,
  EmbeddingResponse,
  ModelsListResponse,
} from '../../generated/types/index.js';
import type { DialectName, EndpointName } from '../provider-definition.js';
import type { ResolvedRoute } from '../routing/resolved-route.js';
import type { SseEvent } from '../streaming/parse-sse-events.js';

/** A request in the provider's wire format, ready to send. */
export interface WireRequest {
  readonly endpoint: EndpointName;
  readonly method: 'GET' | 'POST';
  /** Endpoint path template; the provider fills `{model}` and URL variables. */
  readonly path: string;
  readonly body: Record<string, unknown> | undefined;
  /** Request parameters the conversion changed or dropped, reported in `callInfo().warnings`. */
  readonly warnings: readonly string[];
}

/** What one SSE event means for the OpenAI-shaped stream. */
export type StreamEventResult =
  | { readonly type: 'chunks'; readonly chunks: readonly ChatCompletionChunk[] }
  | { readonly type: 'done' }
  | { readonly type: 'ignore' };

/**
 * One wire format, as small pure functions: OpenAI-shaped request in, wire request out; wire
 * response (or stream event) in, OpenAI-shaped result out. Errors thrown are LiterLlmErrors.
 */
export interface Dialect {
  readonly name: DialectName;
  convertChatRequest(request: ChatCompletionRequest, route: ResolvedRoute, stream: boolean): WireRequest;
  convertChatResponse(body: unknown, route: ResolvedRoute): ChatCompletionResponse;
  /** Returns a converter with per-stream state (tool-call indexes, accumulated usage). */
  createChatStreamConverter(route: ResolvedRoute): (event: SseEvent) => StreamEventResult;
  convertEmbeddingRequest(request: EmbeddingRequest, route: ResolvedRoute): WireRequest;
  convertEmbeddingResponse(body: unknown, route: ResolvedRoute): EmbeddingResponse;
  convertListModelsRequest(route: ResolvedRoute): WireRequest;
  convertListModelsResponse(body: unknown, route: ResolvedRoute): ModelsListResponse;
}
