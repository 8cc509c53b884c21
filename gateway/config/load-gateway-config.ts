import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { ConfigProblem, GatewayConfig } from './gateway-config.js';
import { GatewayConfigError } from './gateway-config-error.js';
import { checkGatewayConfig } from './check-gateway-config.js';
import { interpolateEnv } from './interpolate-env.js';
import { validateGatewayConfigShape } from './validate-gateway-config-shape.js';

/**
 * Reads a gateway config file (JSON for `.json`, YAML otherwise), replaces `${VAR}` references,
 * checks it against `schemas/gateway/config.json` and then for meaning (known providers, model
 * names that keys refer to, `createClient` options), and fills the defaults. Every problem found
 * is reported at once, as a `GatewayConfigError` naming each path.
 */
export async function loadGatewayConfig(file: string, env: Readonly<Record<string, string | undefined>>): Promise<GatewayConfig> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message;
    throw new GatewayConfigError(file, [{ path: '', message: `cannot read the config: ${reason}` }]);
  }
  return parseGatewayConfig(file, text, env);
}

/** `loadGatewayConfig` on text already read; `file` names it in problems and picks the format. */
export function parseGatewayConfig(file: string, text: string, env: Readonly<Record<string, string | undefined>>): GatewayConfig {
  let parsed: unknown;
  try {
    parsed = extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYaml(text, { prettyErrors: true, uniqueKeys: true });
  } catch (error) {
    const yaml = extname(file).toLowerCase() !== '.json';
    // `{` and `}` are YAML flow indicators, so an unquoted ${VAR} inside { } or [ ] breaks the parse.
    const hint = yaml && text.includes('${') ? ' (quote values that use ${VAR} inside { } or [ ])' : '';
    throw new GatewayConfigError(file, [{ path: '', message: `not valid ${yaml ? 'YAML' : 'JSON'}: ${(error as Error).message.split('\n')[0]}${hint}` }]);
  }
  const problems: ConfigProblem[] = [];
  const interpolated = interpolateEnv(parsed ?? {}, env, problems);
  if (problems.length > 0) throw new GatewayConfigError(file, problems);
  problems.push(...validateGatewayConfigShape(interpolated));
  if (problems.length > 0) throw new GatewayConfigError(file, problems);
  const config = withDefaults(interpolated as RawConfig);
  problems.push(...checkGatewayConfig(config));
  if (problems.length > 0) throw new GatewayConfigError(file, problems);
  return config;
}

type RawConfig = Partial<Omit<GatewayConfig, 'server'>> & { server?: Partial<GatewayConfig['server']> };

function withDefaults(raw: RawConfig): GatewayConfig {
  const server = raw.server ?? {};
  return {
    ...(raw.masterKey === undefined ? {} : { masterKey: raw.masterKey }),
    server: {
      host: server.host ?? '127.0.0.1',
      port: server.port ?? 4000,
      bodyLimitBytes: server.bodyLimitBytes ?? 10 * 1024 * 1024,
      cors: server.cors ?? [],
      shutdownGraceMs: server.shutdownGraceMs ?? 10_000,
      publicMetrics: server.publicMetrics ?? false,
    },
    store: raw.store ?? {},
    models: raw.models ?? [],
    keys: raw.keys ?? [],
    client: raw.client ?? {},
  };
}
