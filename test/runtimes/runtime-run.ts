import type { ScenarioResult } from './run-smoke-scenarios.js';

/** What one runtime did: its scenario results when it got that far, and everything it printed. */
export interface RuntimeRun {
  readonly version: string;
  readonly results: readonly ScenarioResult[] | undefined;
  readonly output: string;
}

export interface RuntimeHostContext {
  /** A scratch folder inside the repository (so relative imports of `dist/` work). */
  readonly workDir: string;
  readonly mockUrl: string;
  /** Binaries and packages installed by `npm ci --prefix test/runtimes`. */
  readonly modulesDir: string;
}

export const RESULTS_MARKER = 'SMOKE_RESULTS ';

/** The results line a command-line runtime printed, or undefined when it never got there. */
export function parseResultsLine(output: string): ScenarioResult[] | undefined {
  const line = output.split('\n').find((candidate) => candidate.startsWith(RESULTS_MARKER));
  return line === undefined ? undefined : (JSON.parse(line.slice(RESULTS_MARKER.length)) as ScenarioResult[]);
}
