/**
 * An error the generator reports to a person: bad input, a stale `generated/`, a schema it cannot
 * compile. The CLI prints `message` alone (no stack trace) and exits with code 1. Any other error
 * thrown while generating is a bug in the generator and is printed with its stack.
 */
export class CodegenError extends Error {
  override readonly name: string = 'CodegenError';
}
