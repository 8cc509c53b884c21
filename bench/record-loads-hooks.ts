import { appendFileSync } from 'node:fs';

/**
 * Module hooks (registered with `module.register`) that append every file URL Node loads to the
 * file named by LITER_BENCH_LOAD_LOG: the bundle measurement counts the chunks a program really
 * loads, not the ones it could load.
 */
const log = process.env.LITER_BENCH_LOAD_LOG;

type NextLoad = (url: string, context: unknown) => Promise<unknown>;

export async function load(url: string, context: unknown, nextLoad: NextLoad): Promise<unknown> {
  if (log !== undefined && url.startsWith('file:')) appendFileSync(log, `${url}\n`);
  return nextLoad(url, context);
}
