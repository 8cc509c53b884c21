import { readFileSync } from 'node:fs';

/** This package's version, from the package.json next to the built file (dist/) or above the source tree. */
export function packageVersion(): string {
  for (const candidate of ['../package.json', '../../package.json']) {
    try {
      const manifest = JSON.parse(readFileSync(new URL(candidate, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'liter-llm' && typeof manifest.version === 'string') return manifest.version;
    } catch {
      // Try the next place.
    }
  }
  return 'unknown';
}
