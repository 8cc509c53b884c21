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
