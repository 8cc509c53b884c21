import type { Operation } from '../../call/operation.js';

/** Operations billed by tokens, whose cost the price table knows. */
export const PRICED_OPERATIONS: ReadonlySet<Operation> = new Set<Operation>([
  'chat',
  'chatStream',
  'completion',
  'embed',
  'responses.create',
  'responses.createStream',
]);
