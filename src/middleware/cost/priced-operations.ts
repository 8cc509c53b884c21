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

/** Operations whose result is a stream of chunks or events. */
export const STREAM_OPERATIONS: ReadonlySet<Operation> = new Set<Operation>(['chatStream', 'responses.createStream']);
