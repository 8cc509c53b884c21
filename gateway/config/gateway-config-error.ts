import { ConfigurationError } from '../../src/index.js';
import type { ConfigProblem } from './gateway-config.js';

/**
 * A config file that cannot be used: every problem found, each naming its path in the file
 * (`models[1].model: unknown provider "gorq"; did you mean "groq"?`). The CLI prints them and
 * exits with code 2.
 */
export class GatewayConfigError extends ConfigurationError {
  readonly problems: readonly ConfigProblem[];

  constructor(
    readonly file: string,
    problems: readonly ConfigProblem[],
  ) {
    super(problems.map((problem) => `${file}: ${problem.path === '' ? '' : `${problem.path}: `}${problem.message}`).join('\n'));
    this.problems = problems;
  }
}
