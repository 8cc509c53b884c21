import type { Dialect } from '../dialect.js';
import { withRegistryQuirks } from '../shared/with-registry-quirks.js';
import { convertBedrockChatRequest } from './convert-bedrock-chat-request.js';
import { convertBedrockChatResponse } from './convert-bedrock-chat-response.js';
import { convertBedrockEmbeddingRequest } from './convert-bedrock-embedding-request.js';
import { convertBedrockEmbeddingResponse } from './convert-bedrock-embedding-response.js';
import { convertBedrockErrorResponse } from './convert-bedrock-error-response.js';
import { createBedrockAuthorizer } from './create-bedrock-authorizer.js';
import { createBedrockStreamConverter } from './create-bedrock-stream-converter.js';
import { decodeAwsEventStream } from '../../transport/decode-aws-event-stream.js';

/**
 * Amazon Bedrock's Converse API (`/model/{model}/converse`, `/converse-stream` with binary AWS
 * event streams) and InvokeModel embeddings for Titan and Cohere, signed with SigV4 or a Bedrock
 * API key.
 */
export const bedrockDialect: Dialect = withRegistryQuirks({
  name: 'bedrock',
  convertChatRequest: convertBedrockChatRequest,
  convertChatResponse: convertBedrockChatResponse,
  createChatStreamConverter: createBedrockStreamConverter,
  decodeStream: decodeAwsEventStream,
  convertEmbeddingRequest: convertBedrockEmbeddingRequest,
  convertEmbeddingResponse: convertBedrockEmbeddingResponse,
  convertErrorResponse: convertBedrockErrorResponse,
  createAuthorizer: (input) => createBedrockAuthorizer(input),
});
