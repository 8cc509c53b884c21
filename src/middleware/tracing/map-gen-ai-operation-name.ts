import type { Operation } from '../../call/operation.js';

/**
 * `gen_ai.operation.name` for an operation: the GenAI semantic conventions' well-known values
 * where one fits, else the client method name (`files.create`, `rerank`, ...).
 */
export function mapGenAiOperationName(operation: Operation): string {
  switch (operation) {
    case 'chat':
    case 'chatStream':
    case 'responses.create':
    case 'responses.createStream':
      return 'chat';
    case 'embed':
      return 'embeddings';
    case 'completion':
      return 'text_completion';
    default:
      return operation;
  }
}
