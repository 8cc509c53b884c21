import type { ClientOptions } from '../../src/index.js';

/** One entry of `models`: a name clients send, served by an SDK model string (or a pattern). */
export interface GatewayModelEntry {
  readonly name: string;
  readonly model?: string;
  readonly apiKey?: string;
  readonly baseURL?: string;
}

/** A virtual key as written in the config: the key itself or its `sha256:<hex>`. */
export interface GatewayKeyEntry {
  readonly name: string;
  readonly key?: string;
  readonly keyHash?: string;
  readonly models?: readonly string[];
  readonly rpm?: number;
  readonly tpm?: number;
  readonly budgetUsd?: number;
  readonly budgetPeriod?: string;
}

/** The config file after `${VAR}` interpolation and every check (`schemas/gateway/config.json`). */
export interface GatewayConfig {
  readonly masterKey?: string;
  readonly server: {
    readonly host: string;
    readonly port: number;
    readonly bodyLimitBytes: number;
    readonly cors: readonly string[];
    readonly shutdownGraceMs: number;
    readonly publicMetrics: boolean;
  };
  readonly store: { readonly redis?: string };
  readonly models: readonly GatewayModelEntry[];
  readonly keys: readonly GatewayKeyEntry[];
  /** `createClient` options as written (YAML-expressible ones only: no functions, stores or fetch). */
  readonly client: Readonly<Partial<ClientOptions>>;
}

/** One thing wrong with a config, at a path such as `keys[0].rpm` (empty for the whole file). */
export interface ConfigProblem {
  readonly path: string;
  readonly message: string;
}
