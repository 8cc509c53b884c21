import { isLiterLlmError } from './liter-llm-error.js';

/**
 * Whether an error was raised before anything reached the provider: a configuration error, or a
 * request that could not be built (a `BadRequestError` without an HTTP status). Such an error says
 * nothing about the deployment, so health checks do not count it against it (cooldown's
 * `isDeploymentFailure` already leaves both kinds out).
 */
export function isUnsentRequestError(error: unknown): boolean {
  return isLiterLlmError(error) && (error.kind === 'Configuration' || (error.kind === 'BadRequest' && error.status === undefined));
}
