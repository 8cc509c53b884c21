import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { loadGatewayConfig } from '../config/load-gateway-config.js';
import { startGatewayServer } from '../server/start-gateway-server.js';
import { configFileOf } from './cli-client.js';
import { CliUsageError, EXIT_OK, type CliIo } from './cli-io.js';
import { packageVersion } from './package-version.js';

/** `liter-llm serve`: runs the gateway until SIGTERM or SIGINT, then stops gracefully and exits 0. */
export async function serveCommand(args: readonly string[], io: CliIo): Promise<number> {
  let values: { config?: string; host?: string; port?: string };
  try {
    ({ values } = parseArgs({ args: [...args], options: { config: { type: 'string' }, host: { type: 'string' }, port: { type: 'string' } }, strict: true }));
  } catch (error) {
    throw new CliUsageError((error as Error).message);
  }
  const file = configFileOf(values.config, io);
  if (file === undefined) throw new CliUsageError('serve needs --config FILE (or LITER_LLM_CONFIG)');
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port <= 65_535)) throw new CliUsageError(`--port must be a port number, got "${values.port}"`);
  const loaded = await loadGatewayConfig(file, io.env);
  const config = { ...loaded, server: { ...loaded.server, ...(values.host === undefined ? {} : { host: values.host }), ...(port === undefined ? {} : { port }) } };

  // JSON lines on stdout; the logger never sees keys or message contents, only what the gateway passes it.
  const logger = pino({ base: undefined, timestamp: false, messageKey: 'message' }, { write: (line: string) => io.stdout.write(line) });
  const running = await startGatewayServer(config, { log: (line) => logger.info(line), version: packageVersion() });
  logger.info({ message: 'listening', url: running.url, models: config.models.length, keys: config.keys.length });
  const signal = await (io.waitForStop?.() ?? new Promise<string>(() => {}));
  logger.info({ message: 'stopping', signal, graceMs: config.server.shutdownGraceMs });
  await running.shutdown();
  logger.info({ message: 'stopped' });
  return EXIT_OK;
}
