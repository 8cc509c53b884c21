import type { ClientOptions } from '../../src/index.js';
import type { RecordedRequest } from '../support/mock-server.js';

/** A raw HTTP answer, as the provider documents it. */
export interface WireReply {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  /** JSON bodies are given as objects; SSE or binary event streams as text or bytes. */
  readonly body: unknown;
}

/** What an OpenAI-shaped result must look like after conversion. */
export interface ExpectedChat {
  readonly content: string | null;
  readonly finishReason: string;
  readonly usage?: { readonly prompt_tokens: number; readonly completion_tokens: number; readonly total_tokens: number };
  readonly reasoning?: string;
  readonly toolCalls?: ReadonlyArray<{ readonly id?: string; readonly name: string; readonly arguments: unknown }>;
}

export type AdapterScenario =
  | 'text'
  | 'toolCall'
  | 'textStream'
  | 'toolCallStream'
  | 'truncatedStream'
  | 'streamWithoutStop'
  | 'streamError'
  | 'urlCitations'
  | 'urlCitationsStream'
  | 'authError'
  | 'rateLimitError'
  | 'contextWindowError'
  | 'embeddingWithoutUsage'
  | 'modelsWithoutCreated';

/**
 * One dialect's answers to the shared adapter suite (test/dialects/adapter-suite.test.ts), written
 * from the provider's documented wire format. Every scenario the dialect cannot meet is listed in
 * `skips` with its reason.
 */
export interface AdapterCases {
  readonly dialect: string;
  /** A registry provider on this dialect. */
  readonly providerId: string;
  readonly model: string;
  /** Extra client options (credentials, URL variables) besides the mock baseURL. */
  readonly clientOptions?: (baseURL: string) => ClientOptions;
  readonly text?: { readonly reply: WireReply; readonly expected: ExpectedChat; readonly checkRequest: (request: RecordedRequest) => void };
  readonly toolCall?: { readonly reply: WireReply; readonly expected: ExpectedChat; readonly checkRequest: (request: RecordedRequest) => void };
  readonly textStream?: { readonly reply: WireReply; readonly expected: ExpectedChat; readonly checkRequest?: (request: RecordedRequest) => void };
  readonly toolCallStream?: { readonly reply: WireReply; readonly expected: ExpectedChat };
  /** A stream cut before its end; must throw StreamError with this partial content. */
  readonly truncatedStream?: { readonly reply: WireReply; readonly partialContent: string };
  /**
   * A stream whose body ends cleanly after whole events (usage included where the dialect sends it
   * apart) but without the dialect's stop event; must throw StreamError with this partial content,
   * never end silently.
   */
  readonly streamWithoutStop?: { readonly reply: WireReply; readonly partialContent: string };
  /**
   * An answer citing web sources: every annotation must be a `url_citation` with the
   * `start_index`/`end_index` OpenAI's schema requires, and `content.slice(start, end)` the cited text.
   */
  readonly urlCitations?: { readonly reply: WireReply; readonly content: string; readonly citations: ReadonlyArray<{ readonly url: string; readonly cited: string }> };
  /** The same, streamed: the annotations assemble into the same citations. */
  readonly urlCitationsStream?: { readonly reply: WireReply; readonly content: string; readonly citations: ReadonlyArray<{ readonly url: string; readonly cited: string }> };
  /** A stream carrying an error event; must throw this kind. */
  readonly streamError?: { readonly reply: WireReply; readonly kind: string };
  readonly authError?: WireReply;
  readonly rateLimitError?: WireReply;
  readonly contextWindowError?: WireReply;
  /**
   * An embedding answer that reports no token usage (`model` defaults to the cases' model): the
   * response must still carry `usage` (zeros) and `callInfo().warnings` must say why.
   */
  readonly embeddingWithoutUsage?: { readonly reply: WireReply; readonly model?: string };
  /** A model-list answer that gives no creation time: every model must still carry `created`. */
  readonly modelsWithoutCreated?: WireReply;
  readonly skips?: Partial<Record<AdapterScenario, string>>;
}
