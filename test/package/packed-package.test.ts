import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { chatChunk, chatResponse, sseBody, startMockServer, type MockServer } from '../support/mock-server.js';
import { runProcess, type ProcessResult } from '../support/run-process.js';
import { collectDeclarationImports, listDeclarationSpecifiers } from './collect-declaration-imports.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const consumers = join(root, 'test', 'package', 'consumers');
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');

interface PackageManifest {
  version: string;
  exports: Record<string, string | { types: string; default: string }>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

async function succeed(run: Promise<ProcessResult>, what: string): Promise<ProcessResult> {
  const result = await run;
  if (result.code !== 0) throw new Error(`${what} exited with ${result.code}\n${result.stdout}\n${result.stderr}`);
  return result;
}

/**
 * A consumer's tsconfig: strict, and the package's declarations checked (`skipLibCheck: false`).
 * TypeScript's own lib files are not checked (`skipDefaultLibCheck`): nothing in the package can
 * change them, and checking lib.dom.d.ts took three quarters of each run.
 */
function writeTsconfig(project: string, name: string, compilerOptions: Record<string, unknown>, files: string[]): string {
  const file = join(project, name);
  const common = { strict: true, noEmit: true, skipLibCheck: false, skipDefaultLibCheck: true, target: 'ES2022' };
  writeFileSync(file, JSON.stringify({ compilerOptions: { ...common, ...compilerOptions }, files }, null, 2));
  return file;
}

function typeCheck(project: string, tsconfig: string): Promise<ProcessResult> {
  return runProcess(process.execPath, [tsc, '-p', tsconfig], { cwd: project });
}

// What a user gets: `npm run build`, `npm pack`, the tarball installed offline into a fresh project
// outside the repository (the package has no dependencies, so nothing is fetched), then used from
// an ES module, a CommonJS module and TypeScript under both resolutions. TypeScript, undici and
// @types/node come from this repository's node_modules.
describe('the packed package, installed into a fresh project', () => {
  const project = mkdtempSync(join(tmpdir(), 'liter-llm-packed-'));
  const installed = join(project, 'node_modules', 'liter-llm');
  let manifest: PackageManifest;
  let server: MockServer;

  beforeAll(async () => {
    await succeed(runProcess('npm', ['run', 'build'], { cwd: root }), 'npm run build');
    const packed = await succeed(runProcess('npm', ['pack', '--json', '--pack-destination', project], { cwd: root }), 'npm pack');
    const [{ filename }] = JSON.parse(packed.stdout) as [{ filename: string }];
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'packed-consumer', private: true, type: 'module' }));
    await succeed(
      runProcess('npm', ['install', '--offline', '--no-audit', '--no-fund', '--no-package-lock', join(project, filename)], { cwd: project }),
      'npm install of the tarball',
    );
    cpSync(consumers, project, { recursive: true });
    manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as PackageManifest;
    server = await startMockServer((request, response) => {
      if (request.headers.authorization === 'Bearer sk-rejected') {
        response.writeHead(401, { 'content-type': 'application/json' });
        response.end(JSON.stringify({ error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } }));
      } else if ((request.body as { stream?: boolean } | undefined)?.stream === true) {
        response.writeHead(200, { 'content-type': 'text/event-stream' });
        response.end(sseBody([chatChunk('streamed '), chatChunk('reply', 'stop')]));
      } else {
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end(JSON.stringify(chatResponse('packed reply')));
      }
    });
  }, 180_000);

  afterAll(async () => {
    await server?.close();
    rmSync(project, { recursive: true, force: true });
  });

  it('ships declarations that import no package outside its dependencies; only liter-llm/undici reaches its optional peer', () => {
    const types = join(installed, 'dist', 'types');
    const allowed = new Set(Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies }));
    const specifiers = new Map<string, string[]>();
    for (const file of readdirSync(types, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.d.ts'))) {
      specifiers.set(join(types, file), listDeclarationSpecifiers(join(types, file)));
    }
    const foreign = [...specifiers].flatMap(([file, named]) =>
      named.filter((specifier) => !specifier.startsWith('.') && !allowed.has(specifier)).map((specifier) => `${file.slice(types.length + 1)}: ${specifier}`),
    );
    expect(foreign).toEqual([]);

    // Per entry, what a consumer's compiler must find besides the package: nothing, except undici's
    // types for the undici transport (which cannot run without undici either).
    const reached: Record<string, string[]> = {};
    for (const [subpath, target] of Object.entries(manifest.exports)) {
      if (typeof target === 'string') continue;
      const [before, after] = target.types.split('*') as [string, string | undefined];
      const entries =
        after === undefined
          ? [join(installed, target.types)]
          : readdirSync(join(installed, before)).filter((file) => file.endsWith(after)).map((file) => join(installed, before, file));
      expect(entries.length, subpath).toBeGreaterThan(0);
      const listed = (file: string): string[] => specifiers.get(file) ?? listDeclarationSpecifiers(file);
      reached[subpath] = [...new Set(entries.flatMap((entry) => collectDeclarationImports(entry, listed).map((found) => found.specifier)))];
    }
    expect(reached).toEqual({
      '.': [],
      './core': [],
      './middleware': [],
      './define-provider': [],
      './undici': ['undici'],
      './providers/*': [],
    });
  });

  it('type-checks with skipLibCheck false under NodeNext (ESM and CommonJS) and Bundler, with neither @types/node nor undici installed', async () => {
    // lib DOM, `types: []`: a browser project. The declarations need the web globals, not Node's.
    const browser = { lib: ['ES2022', 'DOM'], types: [] };
    const configurations = {
      'NodeNext': [{ module: 'NodeNext', moduleResolution: 'NodeNext' }, ['typed-consumer.ts', 'typed-consumer.cts']],
      'Bundler, module ESNext': [{ module: 'ESNext', moduleResolution: 'Bundler' }, ['typed-consumer.ts']],
      'Bundler, module Preserve': [{ module: 'Preserve', moduleResolution: 'Bundler' }, ['typed-consumer.ts']],
    } as const;
    const results = await Promise.all(
      Object.entries(configurations).map(async ([name, [options, files]], index) => {
        const result = await typeCheck(project, writeTsconfig(project, `tsconfig.${index}.json`, { ...browser, ...options }, [...files]));
        return [name, { code: result.code, output: result.stdout + result.stderr }] as const;
      }),
    );
    for (const [name, result] of results) expect(result, name).toEqual({ code: 0, output: '' });
  }, 90_000);

  describe('with undici and @types/node installed', () => {
    beforeAll(() => {
      // Linked from this repository: the test needs no network, and undici has no dependencies.
      mkdirSync(join(project, 'node_modules', '@types'), { recursive: true });
      for (const name of ['undici', 'undici-types', '@types/node']) symlinkSync(join(root, 'node_modules', name), join(project, 'node_modules', name), 'dir');
    });

    it('type-checks every entry, liter-llm/undici included, in a Node project without the DOM lib', async () => {
      const tsconfig = writeTsconfig(
        project,
        'tsconfig.node.json',
        { lib: ['ES2022'], types: ['node'], module: 'NodeNext', moduleResolution: 'NodeNext' },
        ['typed-consumer.ts', 'typed-consumer.cts', 'undici-consumer.ts'],
      );
      const result = await typeCheck(project, tsconfig);
      expect(result.stdout + result.stderr).toBe('');
      expect(result.code).toBe(0);
    }, 60_000);

    it.each([
      ['an ES module', 'esm-consumer.mjs'],
      ['a CommonJS module', 'cjs-consumer.cjs'],
    ])('runs %s through every entry and every provider module, calling the loopback mock', async (_kind, file) => {
      const before = server.requests.length;
      const providerModules = readdirSync(join(installed, 'dist', 'providers')).filter((name) => name.endsWith('.js')).map((name) => name.slice(0, -3));
      const env = { ...process.env, MOCK_URL: server.url, PROVIDER_MODULES: providerModules.join(',') };
      const result = await runProcess(process.execPath, [file], { cwd: project, env });
      // Nothing on stderr: no ExperimentalWarning for require() of the ES modules, no error.
      expect(result.stderr).toBe('');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout)).toEqual({
        contents: ['packed reply', 'streamed reply', 'packed reply', 'packed reply'],
        provider: 'openai',
        hooked: ['openai', 'openai', 'core:groq'],
        errorName: 'AuthenticationError',
        status: 401,
        providerModules: providerModules.length,
      });
      const sent = server.requests.slice(before).map((request) => `${request.path} ${String(request.headers.authorization)}`);
      expect(sent).toEqual([
        '/chat/completions Bearer sk-packed-main',
        '/chat/completions Bearer sk-packed-main',
        '/chat/completions Bearer gsk-packed-core',
        '/acme/chat/completions Bearer acme-packed',
        '/chat/completions Bearer sk-rejected',
      ]);
    }, 30_000);
  });

  it('installs the liter-llm command, which runs the bundled CLI (dist/cli.js) with no dependency installed', async () => {
    const bin = join(project, 'node_modules', '.bin', 'liter-llm');
    const version = await runProcess(bin, ['--version'], { cwd: project });
    expect(version.stderr).toBe('');
    expect(version.stdout.trim()).toBe(manifest.version);
    writeFileSync(join(project, 'gateway.yaml'), `models:\n  - name: packed\n    model: openai/gpt-4o-mini\nclient: { providers: { openai: { baseURL: "${server.url}", apiKey: sk-packed-cli } }, maxRetries: 0 }\n`);
    const before = server.requests.length;
    const chat = await runProcess(bin, ['chat', '-m', 'packed', '--config', 'gateway.yaml', 'Hello'], { cwd: project });
    expect(chat.stderr).toBe('');
    expect(chat.stdout).toBe('packed reply\n');
    expect(server.requests.slice(before).map((request) => String(request.headers.authorization))).toEqual(['Bearer sk-packed-cli']);
    const bad = await runProcess(bin, ['models', '--config', 'missing.yaml'], { cwd: project });
    expect(bad.code).toBe(2);
  }, 30_000);
});
