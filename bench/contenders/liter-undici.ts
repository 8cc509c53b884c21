import { Pool } from 'undici';
import type { Contender } from './contender.js';
import { createContender as createBare } from './liter-bare.js';
import { createUndiciFetch } from './undici-fetch.js';

/** liter-llm, bare call, with an undici Pool plugged in through the client's `fetch` option. */
export function createContender(origin: string): Contender {
  return createBare(origin, { fetch: createUndiciFetch(new Pool(origin, { connections: 256 })) });
}
