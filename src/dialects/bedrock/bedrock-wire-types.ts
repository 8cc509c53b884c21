// The parts of Amazon Bedrock's Converse API and of the Titan / Cohere embedding bodies that this
// dialect reads or writes, as documented in the Bedrock API reference (bedrock-runtime). Blobs
// (image and document bytes) travel base64-encoded in the JSON wire format.

export type BedrockImageFormat = 'png' | 'jpeg' | 'gif' | 'webp';
export type BedrockDocumentFormat = 'pdf' | 'csv' | 'doc' | 'docx' | 'xls' | 'xlsx' | 'html' | 'txt' | 'md';

export type BedrockSource = { readonly bytes: string } | { readonly s3Location: { readonly uri: string } };

export interface BedrockToolUse {
  readonly toolUseId: string;
  readonly name: string;
  readonly input: unknown;
}

export interface BedrockToolResult {
  readonly toolUseId: string;
  readonly content: ReadonlyArray<{ readonly text: string }>;
  readonly status?: 'success' | 'error';
}

export interface BedrockReasoningContent {
  readonly reasoningText?: { readonly text?: string; readonly signature?: string };
  readonly redactedContent?: string;
}

export type BedrockContentBlock =
  | { readonly text: string }
  | { readonly image: { readonly format: BedrockImageFormat; readonly source: BedrockSource } }
  | { readonly document: { readonly format: BedrockDocumentFormat; readonly name: string; readonly source: BedrockSource } }
  | { readonly toolUse: BedrockToolUse }
  | { readonly toolResult: BedrockToolResult }
  | { readonly reasoningContent: BedrockReasoningContent };

export interface BedrockMessage {
  readonly role: 'user' | 'assistant';
  readonly content: BedrockContentBlock[];
}

export interface BedrockToolSpec {
  readonly toolSpec: {
    readonly name: string;
    readonly description?: string;
    readonly inputSchema: { readonly json: Readonly<Record<string, unknown>> };
  };
}

export type BedrockToolChoice =
  | { readonly auto: Record<string, never> }
  | { readonly any: Record<string, never> }
  | { readonly tool: { readonly name: string } };

export interface BedrockToolConfig {
  readonly tools: BedrockToolSpec[];
  readonly toolChoice?: BedrockToolChoice;
}

export interface BedrockInferenceConfig {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stopSequences?: string[];
}

/** Body of `POST /model/{modelId}/converse` (and `/converse-stream`). */
export interface BedrockConverseRequest {
  messages: BedrockMessage[];
  system?: Array<{ readonly text: string }>;
  inferenceConfig?: BedrockInferenceConfig;
  toolConfig?: BedrockToolConfig;
  additionalModelRequestFields?: Record<string, unknown>;
  requestMetadata?: Record<string, string>;
  serviceTier?: { readonly type: string };
  [field: string]: unknown;
}

export interface BedrockUsage {
  readonly inputTokens?: number;
  readonly outputTokens?: number;
  readonly totalTokens?: number;
  readonly cacheReadInputTokens?: number;
  readonly cacheWriteInputTokens?: number;
}

/** Body of a successful Converse response. */
export interface BedrockConverseResponse {
  readonly output?: { readonly message?: { readonly role?: string; readonly content?: readonly unknown[] } };
  readonly stopReason?: string;
  readonly usage?: BedrockUsage;
  readonly metrics?: { readonly latencyMs?: number };
}

/** Titan Text Embeddings (`amazon.titan-embed-*`) InvokeModel body: one text per call. */
export interface TitanEmbeddingRequest {
  inputText: string;
  dimensions?: number;
  normalize?: boolean;
  [field: string]: unknown;
}

/** Cohere Embed on Bedrock (`cohere.embed-*`) InvokeModel body: up to 96 texts per call. */
export interface CohereEmbeddingRequest {
  texts: string[];
  input_type: string;
  truncate?: string;
  embedding_types?: string[];
  output_dimension?: number;
  [field: string]: unknown;
}
