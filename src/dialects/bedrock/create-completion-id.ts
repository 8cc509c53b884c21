import { createRandomId } from '../../transport/create-random-id.js';

/** Converse responses carry no id (only the `x-amzn-requestid` header), so one is made up. */
export function createCompletionId(): string {
  return `chatcmpl-bedrock-${createRandomId()}`;
}
