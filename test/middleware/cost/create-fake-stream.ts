import type { CallContext } from '../../../src/call/call-context.js';

/** A chunk stream that records how it was consumed; `usage` goes to the context's info at the end, like the core. */
export function createFakeStream(
  context: CallContext,
  texts: readonly string[],
  options: { usage?: Record<string, unknown>; failAfter?: number } = {},
): { stream: AsyncIterable<unknown>; state: { pulled: number; returned: boolean; finished: boolean } } {
  const state = { pulled: 0, returned: false, finished: false };
  async function* generate(): AsyncGenerator<unknown> {
    try {
      for (const [index, text] of texts.entries()) {
        if (options.failAfter !== undefined && index === options.failAfter) throw new Error('stream broke');
        state.pulled += 1;
        yield { id: 'c1', model: context.route.model, choices: [{ index: 0, delta: { content: text }, finish_reason: null }] };
      }
      if (options.usage !== undefined) context.info.usage = options.usage;
      state.finished = true;
    } finally {
      if (!state.finished) state.returned = true;
    }
  }
  return { stream: generate(), state };
}
