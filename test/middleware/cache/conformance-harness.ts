// A miniature of the conformance runner's call and assertion path, for testing the middleware
// conformance setups without running the whole corpus.
import { createClient } from '../../../src/index.js';
import { collectStreamFields } from '../../conformance/collect-stream.js';
import { evaluateCase, type Assertion, type CallOutcome } from '../../conformance/evaluate-assertion.js';
import type { MockServer } from '../../support/mock-server.js';
import type { ConformanceFixture, MiddlewareConformanceSetup } from './cache-conformance.js';

export interface MiniFixture extends ConformanceFixture {
  readonly input: Record<string, unknown>;
  readonly assertions: readonly Assertion[];
}

async function describeFailure(call: () => Promise<object>): Promise<CallOutcome> {
  try {
    return { ok: true, fields: await call() };
  } catch (caught) {
    const error = caught as { kind?: string; status?: number; name: string; message: string };
    const thrown = { kind: error.kind, status: error.status, name: error.name, message: error.message };
    return { ok: false, error: thrown, fields: { error: { status_code: thrown.status, kind: thrown.kind } } };
  }
}

/** Runs one fixture the way run-conformance.ts does, with the setup's middleware; returns the failures. */
export async function runWithSetup(server: MockServer, fixture: MiniFixture, setup: MiddlewareConformanceSetup): Promise<string[]> {
  const client = createClient({ baseURL: server.url, apiKey: 'test-key', maxRetries: 0, middleware: setup.middleware });
  const perform = (): Promise<CallOutcome> => {
    if (fixture.call === 'chat_stream') {
      return describeFailure(async () => {
        const chunks: unknown[] = [];
        for await (const chunk of client.chatStream(fixture.input as never)) chunks.push(chunk);
        return collectStreamFields({ chunks, completed: true, chunksAfterEnd: 0 });
      });
    }
    if (fixture.call === 'embed') return describeFailure(() => client.embed(fixture.input as never));
    return describeFailure(() => client.chat(fixture.input as never));
  };
  return evaluateCase(fixture.assertions, await setup.run(perform));
}
