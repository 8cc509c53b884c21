import { createRandomId } from '../../transport/create-random-id.js';

const identities = new WeakMap<object, string>();

/**
 * A stable name for a token function (`accessToken: () => token`) as a credential identity: the
 * function is the token source, and the tokens it hands out change, so the function itself names
 * the tenant. Random per process, so entries from token functions are not shared across processes.
 */
export function identifyTokenFunction(source: object): string {
  let identity = identities.get(source);
  if (identity === undefined) {
    identity = `token-function:${createRandomId()}`;
    identities.set(source, identity);
  }
  return identity;
}
