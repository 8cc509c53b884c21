import { createClient, type ClientOptions } from '../../src/index.js';
import { createGatewayClientOptions } from '../config/create-gateway-client-options.js';
import { loadGatewayConfig } from '../config/load-gateway-config.js';
import type { CliIo } from './cli-io.js';

/**
 * The SDK client a CLI command uses: from `--config FILE` (or `LITER_LLM_CONFIG`) its models as
 * aliases and its `client` options, else the SDK's defaults (keys from the environment).
 */
export async function createCliClient(configPath: string | undefined, io: CliIo): Promise<{ client: ReturnType<typeof createClient>; configuredNames: readonly string[] | undefined }> {
  const file = configPath ?? nonEmpty(io.env.LITER_LLM_CONFIG);
  if (file === undefined) return { client: createClient({} satisfies ClientOptions), configuredNames: undefined };
  const config = await loadGatewayConfig(file, io.env);
  const names = [...new Set(config.models.map((entry) => entry.name).filter((name) => !name.includes('*')))].sort();
  return { client: createClient(createGatewayClientOptions(config)), configuredNames: names };
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
