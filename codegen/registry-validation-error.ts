import { CodegenError } from './codegen-error.js';

/**
 * The registry failed validation. `problems` holds one line per problem, each naming the file, the
 * provider (id when readable, else its index), the JSON pointer and the reason; `message` lists them all.
 */
export class RegistryValidationError extends CodegenError {
  override readonly name = 'RegistryValidationError';
  readonly problems: readonly string[];

  constructor(registryPath: string, problems: readonly string[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super([`${registryPath} is not a valid provider registry (${count}):`, ...problems].join('\n'));
    this.problems = problems;
  }
}
