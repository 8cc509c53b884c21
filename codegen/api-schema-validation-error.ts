import { CodegenError } from './codegen-error.js';

/** One or more `schemas/api/*.json` files break the conventions the generator relies on. */
export class ApiSchemaValidationError extends CodegenError {
  override readonly name = 'ApiSchemaValidationError';
  readonly problems: readonly string[];

  constructor(problems: readonly string[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`;
    super([`schemas/api is not valid (${count}):`, ...problems].join('\n'));
    this.problems = problems;
  }
}
