/**
 * What a call does: the client method called (`files.create` for `client.files.create`). Two
 * return streams, which layers must wrap without buffering: `chatStream`, and
 * `responses.createStream` (`responses.create` with `stream: true`). `speech` and `files.content`
 * return a `BinaryResponse` whose body is read after the call returns.
 */
export type Operation =
  | 'chat'
  | 'chatStream'
  | 'embed'
  | 'listModels'
  | 'completion'
  | 'imageGenerate'
  | 'speech'
  | 'transcribe'
  | 'translate'
  | 'moderate'
  | 'rerank'
  | 'search'
  | 'ocr'
  | 'files.create'
  | 'files.retrieve'
  | 'files.list'
  | 'files.delete'
  | 'files.content'
  | 'batches.create'
  | 'batches.retrieve'
  | 'batches.list'
  | 'batches.cancel'
  | 'responses.create'
  | 'responses.createStream'
  | 'responses.retrieve'
  | 'responses.cancel';

/** The operations whose result is a stream: layers wrap it without buffering and settle when it ends. */
export const STREAM_OPERATIONS: ReadonlySet<Operation> = new Set<Operation>(['chatStream', 'responses.createStream']);

/**
 * The operations that make something upstream (a file, a batch): once their request may have
 * reached the server, only a 429 or 503 is retried, so a lost answer does not make a second one.
 */
export const CREATING_OPERATIONS: ReadonlySet<Operation> = new Set<Operation>(['files.create', 'batches.create']);
