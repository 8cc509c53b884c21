import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import type { GatewayConfig } from '../config/gateway-config.js';
import { createGatewayApp, type Gateway, type GatewayDependencies } from './create-gateway-app.js';
import { connectRedisGatewayStores } from './create-gateway-stores.js';

export interface RunningGateway {
  readonly gateway: Gateway;
  /** `http://host:port` it listens on (the real port when the config said 0). */
  readonly url: string;
  /**
   * Graceful stop: readiness fails, no new connection is accepted, requests in flight may finish
   * within `config.server.shutdownGraceMs`, then every connection left is closed.
   */
  shutdown(): Promise<void>;
}

/** Serves the gateway of `config` over HTTP on Node; with `store.redis`, on state shared with every replica. */
export async function startGatewayServer(config: GatewayConfig, dependencies: GatewayDependencies = {}): Promise<RunningGateway> {
  const stores = dependencies.stores ?? (config.store.redis === undefined ? undefined : await connectRedisGatewayStores(config.store.redis));
  const gateway = createGatewayApp(config, { ...dependencies, ...(stores === undefined ? {} : { stores }) });
  const server = await new Promise<Server>((resolve, reject) => {
    const started = serve({ fetch: gateway.fetch, hostname: config.server.host, port: config.server.port }, () => resolve(started as Server)) as Server;
    started.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  let stopping: Promise<void> | undefined;
  return {
    gateway,
    url: `http://${host}:${address.port}`,
    shutdown() {
      stopping ??= (async () => {
        gateway.beginShutdown();
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        // Idle keep-alive connections would hold close() open; busy ones finish their response first.
        server.closeIdleConnections();
        let timer: ReturnType<typeof setTimeout> | undefined;
        const grace = new Promise<'grace'>((resolve) => (timer = setTimeout(() => resolve('grace'), config.server.shutdownGraceMs)));
        if ((await Promise.race([closed, grace])) === 'grace') {
          server.closeAllConnections();
          await closed;
        }
        clearTimeout(timer);
        gateway.close();
      })();
      return stopping;
    },
  };
}
