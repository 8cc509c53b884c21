import { Pool } from 'undici';
import { createUndiciFetch } from '../../src/undici-entry.js';
import type { Contender } from './contender.js';
import { createContender as createBare } from './liter-bare.js';

/**
 * liter-llm, bare call, through its optional Node transport (`liter-llm/undici`) on an undici Pool
 * with the same connection limit as the undici floor, plugged in through the client's `fetch` option.
 */
export function createContender(origin: string): Contender {
  return createBare(origin, { fetch: createUndiciFetch({ dispatcher: new Pool(origin, { connections: 256 }), origin }) });
}
