// The stream pseudo-fields of the conformance fixtures, computed from the chunks a stream yielded.
// Pure and structural: it reads chunks as plain JSON, so it does not depend on the generated types.

/** A tool call as an assembled chat message carries it. */
export interface MergedToolCall {
  index: number;
  id: string | undefined;
  type: string | undefined;
  function: { name: string | undefined; arguments: string };
}

/** What the runner observed while iterating a stream. */
export interface StreamObservation {
  /** The chunks, in order, up to the end or the error. */
  readonly chunks: readonly unknown[];
  /** The iteration ended without throwing. */
  readonly completed: boolean;
  /** Chunks the iterator still yielded when asked again after it had reported its end. */
  readonly chunksAfterEnd: number;
}

/** The pseudo-fields a stream case's assertions read. */
export interface StreamFields {
  readonly chunks: readonly unknown[];
  /** `delta.content` of choice 0, concatenated. */
  readonly stream_content: string;
  readonly stream_complete: boolean;
  readonly no_chunks_after_done: boolean;
  /** The last non-null finish reason of choice 0, or null. */
  readonly finish_reason: string | null;
  /** Tool-call deltas of choice 0 merged by index, in index order. */
  readonly tool_calls: MergedToolCall[];
  /** `usage` of the last chunk that carried one. */
  readonly usage: unknown;
}

type JsonRecord = Record<string, unknown>;

const asRecord = (value: unknown): JsonRecord | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as JsonRecord) : undefined;

/** The choice with index 0 of a chunk (a choice without an index counts as 0). */
function firstChoice(chunk: unknown): JsonRecord | undefined {
  const choices = asRecord(chunk)?.choices;
  if (!Array.isArray(choices)) return undefined;
  for (const choice of choices) {
    const record = asRecord(choice);
    if (record !== undefined && (record.index === undefined || record.index === 0)) return record;
  }
  return undefined;
}

/**
 * Folds one chunk's `delta.tool_calls` into `merged`: entries with the same `index` are one call;
 * `function.arguments` fragments are concatenated, and the first `id`, `type` and `name` win.
 */
export function mergeToolCallDeltas(merged: MergedToolCall[], deltas: unknown): MergedToolCall[] {
  if (!Array.isArray(deltas)) return merged;
  deltas.forEach((delta, position) => {
    const record = asRecord(delta);
    if (record === undefined) return;
    const index = typeof record.index === 'number' ? record.index : position;
    let call = merged.find((candidate) => candidate.index === index);
    if (call === undefined) {
      call = { index, id: undefined, type: undefined, function: { name: undefined, arguments: '' } };
      merged.push(call);
    }
    if (call.id === undefined && typeof record.id === 'string') call.id = record.id;
    if (call.type === undefined && typeof record.type === 'string') call.type = record.type;
    const fn = asRecord(record.function);
    if (fn !== undefined) {
      if (call.function.name === undefined && typeof fn.name === 'string') call.function.name = fn.name;
      if (typeof fn.arguments === 'string') call.function.arguments += fn.arguments;
    }
  });
  merged.sort((left, right) => left.index - right.index);
  return merged;
}

export function collectStreamFields(observation: StreamObservation): StreamFields {
  let content = '';
  let finishReason: string | null = null;
  let usage: unknown;
  const toolCalls: MergedToolCall[] = [];
  for (const chunk of observation.chunks) {
    const chunkUsage = asRecord(chunk)?.usage;
    if (asRecord(chunkUsage) !== undefined) usage = chunkUsage;
    const choice = firstChoice(chunk);
    if (choice === undefined) continue;
    const delta = asRecord(choice.delta);
    if (typeof delta?.content === 'string') content += delta.content;
    mergeToolCallDeltas(toolCalls, delta?.tool_calls);
    if (typeof choice.finish_reason === 'string') finishReason = choice.finish_reason;
  }
  return {
    chunks: observation.chunks,
    stream_content: content,
    stream_complete: observation.completed,
    no_chunks_after_done: observation.completed && observation.chunksAfterEnd === 0,
    finish_reason: finishReason,
    tool_calls: toolCalls,
    usage,
  };
}
