import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleSmokeScript } from '../bundle-smoke-script.js';
import type { ScenarioResult } from '../run-smoke-scenarios.js';
import type { RuntimeHostContext, RuntimeRun } from '../runtime-run.js';

/** The part of `edge-runtime`'s API used here (typed locally: the package is not a main devDependency). */
interface EdgeRuntimeModule {
  readonly EdgeRuntime: new (options: { initialCode?: string; extend?: (context: Record<string, unknown>) => Record<string, unknown> }) => {
    evaluate<T>(code: string): T;
  };
}

/**
 * Vercel's edge runtime (`edge-runtime`, the Node VM sandbox behind `next dev` and `vercel dev` for
 * edge functions): only web APIs, no `process`, no `AbortSignal.any`. The package is bundled into a
 * classic script, as those tools do.
 */
export async function runInEdgeRuntime(context: RuntimeHostContext): Promise<RuntimeRun> {
  const script = join(context.workDir, 'edge-runtime-smoke.js');
  await bundleSmokeScript({ outFile: script, mockUrl: context.mockUrl, format: 'iife', packageCode: 'inline', finish: 'globalThis.__smokeResults = run();' });
  const require = createRequire(join(context.modulesDir, '..', 'package.json'));
  const entry = require.resolve('edge-runtime');
  const { version } = JSON.parse(readFileSync(join(context.modulesDir, 'edge-runtime', 'package.json'), 'utf8')) as { version: string };
  const { EdgeRuntime } = (await import(pathToFileURL(entry).href)) as EdgeRuntimeModule;
  const printed: string[] = [];
  const print =
    (level: string) =>
    (...values: unknown[]): void => {
      printed.push(`[${level}] ${values.map((value) => (value instanceof Error ? (value.stack ?? String(value)) : typeof value === 'string' ? value : JSON.stringify(value))).join(' ')}`);
    };
  try {
    const runtime = new EdgeRuntime({
      extend: (edgeContext) => {
        edgeContext.console = { log: print('log'), info: print('info'), warn: print('warn'), error: print('error'), debug: print('debug') };
        return edgeContext;
      },
    });
    runtime.evaluate(readFileSync(script, 'utf8'));
    const results = await runtime.evaluate<Promise<ScenarioResult[]>>('globalThis.__smokeResults');
    // Copied out of the sandbox's realm, so the driver sees plain objects.
    return { version: `edge-runtime ${version}`, results: JSON.parse(JSON.stringify(results)) as ScenarioResult[], output: printed.join('\n') };
  } catch (error) {
    return { version: `edge-runtime ${version}`, results: undefined, output: [...printed, error instanceof Error ? (error.stack ?? String(error)) : String(error)].join('\n') };
  }
}
