/** What the CLI reads and writes, so that tests run it in process. */
export interface CliIo {
  readonly stdin: AsyncIterable<string | Uint8Array> & { readonly isTTY?: boolean };
  readonly stdout: { write(text: string): unknown };
  readonly stderr: { write(text: string): unknown };
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Starts listening for a request to stop (SIGTERM, SIGINT) and settles with the signal's name:
   * ends `serve`. Other commands never call it, so Ctrl-C still kills them at once.
   */
  readonly waitForStop?: () => Promise<string>;
}

/** Exit codes: 0 done, 1 the call failed (the typed error's message), 2 bad usage or a bad config. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

/** Bad command-line usage: printed with a pointer to `--help`, exit code 2. */
export class CliUsageError extends Error {
  override readonly name = 'CliUsageError';
}
