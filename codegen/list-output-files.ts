import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Every file under `outDir`, as sorted `/`-separated paths relative to it; `[]` when it does not exist. */
export function listOutputFiles(outDir: string): string[] {
  if (!existsSync(outDir)) return [];
  const files: string[] = [];
  const walk = (relative: string): void => {
    for (const entry of readdirSync(path.join(outDir, relative), { withFileTypes: true })) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isDirectory()) walk(child);
      else files.push(child);
    }
  };
  walk('');
  return files.sort();
}
