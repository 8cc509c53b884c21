import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bundleSmokeScript } from '../bundle-smoke-script.js';
import type { ScenarioResult } from '../run-smoke-scenarios.js';
import type { RuntimeHostContext, RuntimeRun } from '../runtime-run.js';

/** The part of playwright-core's API used here (typed locally: it is not a main devDependency). */
interface PlaywrightPage {
  on(event: 'console', listener: (message: { type(): string; text(): string }) => void): void;
  on(event: 'pageerror', listener: (error: Error) => void): void;
  goto(url: string): Promise<unknown>;
  evaluate<T>(code: string): Promise<T>;
}
interface PlaywrightModule {
  readonly chromium: {
    launch(options: { executablePath: string; headless: boolean; args: string[] }): Promise<{
      version(): string;
      newPage(): Promise<PlaywrightPage>;
      close(): Promise<void>;
    }>;
  };
}

/** Debian's chromium; CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless Chromium, driven by playwright-core. The page comes from its own loopback server, so
 * the mock is another origin and every call crosses CORS (preflights included), as a web app's
 * would. `http://127.0.0.1` is a secure context, so Web Crypto is there.
 */
export async function runInChromium(context: RuntimeHostContext): Promise<RuntimeRun> {
  const script = join(context.workDir, 'chromium-smoke.js');
  await bundleSmokeScript({ outFile: script, mockUrl: context.mockUrl, format: 'esm', packageCode: 'inline', finish: 'globalThis.__smokeResults = run();' });
  const require = createRequire(join(context.modulesDir, '..', 'package.json'));
  // playwright-core is CommonJS: its exports arrive as the default export.
  const { chromium } = ((await import(pathToFileURL(require.resolve('playwright-core')).href)) as { default: PlaywrightModule }).default;
  const page = await startPageServer(readFileSync(script, 'utf8'));
  const printed: string[] = [];
  let version = 'chromium ?';
  try {
    // --no-sandbox: CI runs as root, where Chromium's sandbox refuses to start.
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox'] });
    version = `chromium ${browser.version()}`;
    try {
      const tab = await browser.newPage();
      tab.on('console', (message) => printed.push(`[${message.type()}] ${message.text()}`));
      tab.on('pageerror', (error) => printed.push(`[pageerror] ${error.stack ?? error.message}`));
      await tab.goto(page.url);
      const results = await tab.evaluate<ScenarioResult[] | undefined>(
        // The module script may not have run yet; if it never starts (a load error), give up after 10 s.
        'new Promise((resolve) => { const deadline = Date.now() + 10000; const poll = () => { if (globalThis.__smokeResults) globalThis.__smokeResults.then(resolve); else if (Date.now() > deadline) resolve(undefined); else setTimeout(poll, 20); }; poll(); })',
      );
      return { version, results, output: printed.join('\n') };
    } finally {
      await browser.close();
    }
  } catch (error) {
    return { version, results: undefined, output: [...printed, error instanceof Error ? (error.stack ?? String(error)) : String(error)].join('\n') };
  } finally {
    await new Promise((resolve) => page.server.close(resolve));
  }
}

async function startPageServer(script: string): Promise<{ url: string; server: Server }> {
  const server = createServer((request, response) => {
    if (request.url === '/smoke.js') {
      response.writeHead(200, { 'content-type': 'text/javascript' });
      response.end(script);
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><title>liter-llm smoke</title><script type="module" src="/smoke.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}
