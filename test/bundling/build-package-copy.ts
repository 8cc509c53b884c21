import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDist } from '../../scripts/build-dist.js';

/**
 * Builds the package as it is published (its `dist/` and the manifest fields a bundler reads) into
 * the folder given, e.g. `<app>/node_modules/liter-llm`, so that a bundling test resolves
 * `liter-llm` and its subpaths exactly as an application's bundler does. Run as a child process
 * (`node --import tsx`): the build loads the generated providers as TypeScript.
 */
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const target = process.argv[2];
if (target === undefined) throw new Error('usage: build-package-copy.ts <folder>');
mkdirSync(target, { recursive: true });
await buildDist(join(target, 'dist'));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
const { name, version, type, sideEffects, exports } = manifest;
writeFileSync(join(target, 'package.json'), `${JSON.stringify({ name, version, type, sideEffects, exports }, null, 2)}\n`);
writeFileSync(join(target, 'dist', 'package.json'), '{ "type": "module", "sideEffects": false }\n');
