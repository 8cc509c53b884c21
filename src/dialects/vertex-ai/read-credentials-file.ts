import { ConfigurationError } from '../../errors/error-classes.js';

/**
 * The text of a credentials file, for `GOOGLE_APPLICATION_CREDENTIALS`. Node-only: `node:fs` is
 * imported on first use, so the rest of the runtime stays web-standard and a browser or edge
 * bundle that passes credentials explicitly never loads it.
 */
export async function readCredentialsFile(path: string, provider: string): Promise<string> {
  try {
    const { readFile } = await import('node:fs/promises');
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new ConfigurationError(
      `${provider}: GOOGLE_APPLICATION_CREDENTIALS names ${path}, which cannot be read${typeof code === 'string' ? ` (${code})` : ''}`,
      { provider },
    );
  }
}
