import { ConfigurationError } from '../../errors/error-classes.js';

interface FileSystemPromises {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
}

interface ProcessWithBuiltins {
  getBuiltinModule?(id: string): unknown;
}

/**
 * The text of a credentials file, for `GOOGLE_APPLICATION_CREDENTIALS`. The file system comes from
 * `process.getBuiltinModule` (Node 20.16+, Bun, Deno), never an `import('node:fs/promises')`:
 * bundlers see that import in every bundle of the package and webpack 5 fails on it for the web, so
 * a browser or edge bundle that passes credentials explicitly would not build. Where the runtime
 * has no file system, the error says to pass the credentials instead.
 */
export async function readCredentialsFile(path: string, provider: string): Promise<string> {
  const processLike = (globalThis as { process?: ProcessWithBuiltins }).process;
  const fs = processLike?.getBuiltinModule?.('node:fs/promises') as FileSystemPromises | undefined;
  if (fs === undefined) {
    throw new ConfigurationError(
      `${provider}: GOOGLE_APPLICATION_CREDENTIALS names a file (${path}), and reading a credentials file needs a runtime with a file system (Node, Bun, Deno); pass providers.${provider}.serviceAccount (the key's JSON or object) instead`,
      { provider },
    );
  }
  try {
    return await fs.readFile(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    throw new ConfigurationError(
      `${provider}: GOOGLE_APPLICATION_CREDENTIALS names ${path}, which cannot be read${typeof code === 'string' ? ` (${code})` : ''}`,
      { provider },
    );
  }
}
