import { mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { listOutputFiles } from './list-output-files.js';

export interface WriteOutputReport {
  /** Files whose content was new or changed (unchanged files are not rewritten). */
  readonly written: readonly string[];
  /** Files that are no longer produced, now deleted. */
  readonly deleted: readonly string[];
}

/**
 * Makes `outDir` hold exactly `files` (paths relative to it): writes what is new or changed and
 * deletes every other file, then any directory left empty.
 */
export function writeOutput(outDir: string, files: ReadonlyMap<string, string>): WriteOutputReport {
  const existing = new Set(listOutputFiles(outDir));
  const written: string[] = [];
  for (const [relative, content] of files) {
    const target = path.join(outDir, relative);
    if (existing.has(relative) && readFileSync(target, 'utf8') === content) continue;
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, content);
    written.push(relative);
  }
  const deleted = [...existing].filter((relative) => !files.has(relative));
  for (const relative of deleted) rmSync(path.join(outDir, relative));
  removeEmptyDirectories(outDir, outDir);
  return { written, deleted };
}

function removeEmptyDirectories(directory: string, root: string): void {
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    if (entry.isDirectory()) removeEmptyDirectories(path.join(directory, entry.name), root);
  }
  if (directory !== root && readdirSync(directory).length === 0) rmdirSync(directory);
}
