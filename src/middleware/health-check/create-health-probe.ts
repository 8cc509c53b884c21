import { createCallInfoRecord } from '../../call/call-info.js';
import { ConfigurationError } from '../../errors/error-classes.js';
import type { ResolvedRoute } from '../../routing/resolved-route.js';
import type { CallContext, CallServices, Next } from '../../call/call-context.js';
import { DEFAULT_MAX_RESPONSE_BYTES } from '../../transport/send-with-retry.js';
import type { HealthProbe, HealthProbeKind } from './normalize-health-check-options.js';

const NO_SERVICES: CallServices = {
  resolveRoute() {
    throw new ConfigurationError('health probes cannot route to other models');
  },
  resolveDeployment() {
    throw new ConfigurationError('health probes cannot route to other deployments');
  },
};

/**
 * A built-in probe that sends one cheap call through `send` (the core handler, or the layers
 * inside the health layer), with no retries and `timeoutMs` as its deadline: `models` lists the
 * provider's models (`GET /models`), or sends a 1-token chat when the provider has no models
 * endpoint; `chat` always sends the 1-token chat (`max_tokens: 1`, billed as such). Probe calls
 * carry the tag `health-check`.
 *
 * @example
 * const probe = createHealthProbe('models', coreHandler, 10_000);
 * await probe(route, AbortSignal.timeout(10_000)); // throws when the deployment is down
 */
export function createHealthProbe(kind: HealthProbeKind, send: Next, timeoutMs: number): HealthProbe {
  return async (route, signal) => {
    await send(createProbeContext(kind, route, signal, timeoutMs));
  };
}

function createProbeContext(kind: HealthProbeKind, route: ResolvedRoute, signal: AbortSignal, timeoutMs: number): CallContext {
  const listModels = kind === 'models' && (route.provider.gateway || route.provider.definition.endpoints.models !== undefined);
  const options = {
    signal,
    timeoutMs,
    deadlineAt: Date.now() + timeoutMs,
    maxRetries: 0,
    maxAttempts: 1,
    maxResponseBytes: DEFAULT_MAX_RESPONSE_BYTES,
    streamTimeoutMs: undefined,
    headers: {},
    cache: false,
    tags: ['health-check'],
  };
  if (listModels) {
    return {
      operation: 'listModels',
      request: { provider: route.provider.id },
      route: { provider: route.provider, model: '' },
      options,
      info: createCallInfoRecord('listModels', route.provider.id, ''),
      services: NO_SERVICES,
    };
  }
  return {
    operation: 'chat',
    request: { model: route.model, messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 },
    route,
    options,
    info: createCallInfoRecord('chat', route.provider.id, route.model),
    services: NO_SERVICES,
  };
}
