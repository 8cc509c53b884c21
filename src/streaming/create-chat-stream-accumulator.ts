import type { Annotation, ChatCompletionChunk, Usage } from '../../generated/types/index.js';
import type { AssembledChatStream, AssembledChoice, AssembledToolCall } from './assembled-chat-stream.js';

/** Folds the chunks of a chat stream, as they pass, into one `AssembledChatStream`. */
export interface ChatStreamAccumulator {
  add(chunk: ChatCompletionChunk): void;
  /** What the chunks so far add up to. */
  result(): AssembledChatStream;
  /**
   * False once a chunk carried something a replay of the assembled result would lose: log
   * probabilities, a legacy `function_call`, or a delta or choice field this assembly does not
   * know. Unknown top-level chunk fields (provider metadata) are not part of the answer and are
   * ignored.
   */
  readonly replayable: boolean;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };
interface ChoiceState extends Omit<Mutable<AssembledChoice>, 'tool_calls'> {
  readonly toolCalls: Map<number, Mutable<AssembledToolCall> & { function: { name?: string; arguments: string } }>;
}

const KNOWN_CHOICE_FIELDS = new Set(['index', 'delta', 'finish_reason', 'native_finish_reason', 'logprobs']);
const KNOWN_DELTA_FIELDS = new Set(['role', 'content', 'reasoning_content', 'refusal', 'tool_calls', 'annotations', 'function_call']);
const KNOWN_TOOL_CALL_FIELDS = new Set(['index', 'id', 'type', 'function']);

const asRecord = (value: unknown): Record<string, unknown> | undefined =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
const stringOf = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** True when `record` has a non-null field outside `known`. Runs for every chunk, hence the plain loop. */
function hasUnknownField(record: Record<string, unknown>, known: ReadonlySet<string>): boolean {
  const keys = Object.keys(record);
  for (let index = 0; index < keys.length; index += 1) {
    const key = keys[index] as string;
    if (!known.has(key) && record[key] !== null && record[key] !== undefined) return true;
  }
  return false;
}

const TEXT_FIELDS = ['content', 'reasoning_content', 'refusal'] as const;

/**
 * Assembles a chat stream without holding its chunks: text, reasoning and refusal concatenated per
 * choice, tool-call fragments merged by `index` (the first id, type and name win, arguments are
 * joined), annotations appended, the last finish reason, and the last usage.
 *
 * @example
 * const accumulator = createChatStreamAccumulator();
 * for await (const chunk of stream) accumulator.add(chunk);
 * accumulator.result().choices[0]?.content; // the whole text
 */
export function createChatStreamAccumulator(): ChatStreamAccumulator {
  const head: { id?: string; created?: number; model?: string; system_fingerprint?: string; service_tier?: string } = {};
  const choices = new Map<number, ChoiceState>();
  let usage: Usage | undefined;
  let replayable = true;

  const choiceAt = (index: number): ChoiceState => {
    let state = choices.get(index);
    if (state === undefined) {
      state = { index, finish_reason: null, toolCalls: new Map() };
      choices.set(index, state);
    }
    return state;
  };

  const addToolCalls = (state: ChoiceState, deltas: unknown): void => {
    if (deltas === null || deltas === undefined) return;
    if (!Array.isArray(deltas)) {
      replayable = false;
      return;
    }
    deltas.forEach((delta, position) => {
      const record = asRecord(delta);
      if (record === undefined) return;
      if (hasUnknownField(record, KNOWN_TOOL_CALL_FIELDS)) replayable = false;
      const index = typeof record.index === 'number' ? record.index : position;
      let call = state.toolCalls.get(index);
      if (call === undefined) {
        call = { index, function: { arguments: '' } };
        state.toolCalls.set(index, call);
      }
      call.id ??= stringOf(record.id);
      call.type ??= stringOf(record.type);
      const fn = asRecord(record.function);
      if (fn !== undefined) {
        call.function.name ??= stringOf(fn.name);
        call.function.arguments += stringOf(fn.arguments) ?? '';
      }
    });
  };

  return {
    get replayable() {
      return replayable;
    },
    add(chunk) {
      const record = chunk as unknown as Record<string, unknown>;
      head.id ??= stringOf(record.id);
      head.created ??= typeof record.created === 'number' ? record.created : undefined;
      head.model ??= stringOf(record.model) || undefined;
      head.system_fingerprint ??= stringOf(record.system_fingerprint);
      head.service_tier ??= stringOf(record.service_tier);
      if (asRecord(record.usage) !== undefined) usage = structuredClone(record.usage) as Usage;
      const list = Array.isArray(record.choices) ? (record.choices as unknown[]) : [];
      for (const item of list) {
        const choice = asRecord(item);
        if (choice === undefined) continue;
        if (hasUnknownField(choice, KNOWN_CHOICE_FIELDS) || (choice.logprobs !== null && choice.logprobs !== undefined)) {
          replayable = false;
        }
        const state = choiceAt(typeof choice.index === 'number' ? choice.index : 0);
        const delta = asRecord(choice.delta);
        if (delta !== undefined) {
          if (hasUnknownField(delta, KNOWN_DELTA_FIELDS) || (delta.function_call !== null && delta.function_call !== undefined)) {
            replayable = false;
          }
          state.role ??= stringOf(delta.role);
          for (const field of TEXT_FIELDS) {
            const piece = stringOf(delta[field]);
            if (piece !== undefined) state[field] = (state[field] ?? '') + piece;
          }
          addToolCalls(state, delta.tool_calls);
          if (Array.isArray(delta.annotations)) state.annotations = [...(state.annotations ?? []), ...(structuredClone(delta.annotations) as Annotation[])];
        }
        const finish = stringOf(choice.finish_reason);
        if (finish !== undefined) state.finish_reason = finish;
        const native = stringOf(choice.native_finish_reason);
        if (native !== undefined) state.native_finish_reason = native;
      }
    },
    result() {
      const assembled = [...choices.values()]
        .sort((left, right) => left.index - right.index)
        .map(({ toolCalls, ...choice }): AssembledChoice => ({
          ...dropUndefined(choice),
          tool_calls: [...toolCalls.values()]
            .sort((left, right) => left.index - right.index)
            .map((call) => ({ ...dropUndefined(call), function: dropUndefined({ ...call.function }) })),
        }));
      return { ...dropUndefined(head), choices: assembled, ...(usage === undefined ? {} : { usage }) };
    },
  };
}

function dropUndefined<T extends object>(record: T): T {
  const kept: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) if (value !== undefined) kept[key] = value;
  return kept as T;
}
