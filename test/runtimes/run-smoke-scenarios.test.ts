// The scenarios every runtime runs, run here in Node against src/: a scenario that cannot pass in
// Node is broken, not the runtime. The runtimes themselves run them in `npm run test:runtimes`.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as core from '../../src/core.js';
import * as main from '../../src/index.js';
import { openaiProvider } from '../../generated/providers/openai.js';
import { findFreePort } from '../support/find-free-port.js';
import { runSmokeScenarios, SCENARIO_NAMES } from './run-smoke-scenarios.js';
import { startSmokeMock, type SmokeMock } from './start-smoke-mock.js';

let mock: SmokeMock;
beforeAll(async () => {
  mock = await startSmokeMock();
});
afterAll(() => mock.close());

describe('runSmokeScenarios', () => {
  it('passes every scenario in Node', async () => {
    const results = await runSmokeScenarios({ main, core, openaiProvider }, mock.url);
    expect(results.map((result) => result.name)).toEqual([...SCENARIO_NAMES]);
    expect(results.filter((result) => !result.ok)).toEqual([]);
  });

  it('reports each scenario as failed, with the reason, when nothing answers', async () => {
    const results = await runSmokeScenarios({ main, core, openaiProvider }, `http://127.0.0.1:${await findFreePort()}`);
    expect(results.map((result) => [result.name, result.ok])).toEqual(SCENARIO_NAMES.map((name) => [name, false]));
    expect(results[0]?.detail).toMatch(/NetworkError/);
  });
});
