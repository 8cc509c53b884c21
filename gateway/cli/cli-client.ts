import { createClient, type ClientOptions } from '../../src/index.js';
import { createGatewayClientOptions } from '../config/create-gateway-client-options.js';
import { loadGatewayConfig } from '../config/load-gateway-config.js';
import type { CliIo } from './cli-io.js';

/**
 * The SDK client a CLI command uses: from `--config FILE` (or `LITER_LLM_CONFIG`) its models as
 * aliases and its `client` options, else the SDK's defaults (keys from the environment).
 */
export async function createCliClient(configPath: string | undefined, io: CliIo): Promise<{ client: ReturnType<typeof createClient>; configuredNames: readonly string[] | undefined }> {
  const file = configFileOf(configPath, io);
  if (file === undefined) return { client: createClient({} satisfies ClientOptions), configuredNames: undefined };
  const config = await loadGatewayConfig(file, io.env);
  const names = [...new Set(config.models.map((entry) => entry.name).filter((name) => !name.includes('*')))].sort();
  return { client: createClient(createGatewayClientOptions(config)), configuredNames: names };
}

/** The config file of a command: `--config FILE`, else a non-empty `LITER_LLM_CONFIG`, else none. */
export function configFileOf(flag: string | undefined, io: CliIo): string | undefined {
  const fromEnv = io.env.LITER_LLM_CONFIG;
  return flag ?? (fromEnv === undefined || fromEnv === '' ? undefined : fromEnv);
}
