/** Environment variables by name, read when asked for (the shape dialects and resolvers take). */
export type Environment = Readonly<Record<string, string | undefined>>;

interface ProcessLike {
  readonly env?: Record<string, string | undefined>;
}

/**
 * A view of `process.env` that reads one variable at a time, when a provider is used, never all of
 * them up front: Deno without `--allow-env` throws on every read, and a client given its keys
 * explicitly must still work there. Any throw from a read ("not permitted") counts as "not set".
 * Web-standard runtimes have no `process`; every variable is unset there. `onRead` sees each value
 * read, so the secret registry learns an env key before any request can carry it.
 */
export function createEnvironmentReader(onRead: (name: string, value: string) => void): Environment {
  return new Proxy(Object.freeze({}) as Environment, {
    get(_target, name) {
      if (typeof name !== 'string') return undefined;
      const value = readVariable(name);
      if (value !== undefined) onRead(name, value);
      return value;
    },
  });
}

function readVariable(name: string): string | undefined {
  try {
    // Looked up on every read, not once: tests and apps may replace `process.env`.
    const value = (globalThis as { process?: ProcessLike }).process?.env?.[name];
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
