import { readFileSync } from 'node:fs';
import path from 'node:path';

import { listOutputFiles } from './list-output-files.js';

export interface CheckOutputReport {
  /** On disk with other content. */
  readonly changed: readonly string[];
  /** Produced but not on disk. */
  readonly missing: readonly string[];
  /** On disk but no longer produced. */
  readonly extra: readonly string[];
}

/** Compares `files` (paths relative to `outDir`) with what is on disk, without writing anything. */
export function checkOutput(outDir: string, files: ReadonlyMap<string, string>): CheckOutputReport {
  const existing = new Set(listOutputFiles(outDir));
  const changed: string[] = [];
  const missing: string[] = [];
  for (const [relative, content] of files) {
    if (!existing.has(relative)) missing.push(relative);
    else if (readFileSync(path.join(outDir, relative), 'utf8') !== content) changed.push(relative);
  }
  const extra = [...existing].filter((relative) => !files.has(relative));
  return { changed: changed.sort(), missing: missing.sort(), extra: extra.sort() };
}
