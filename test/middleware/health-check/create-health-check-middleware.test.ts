import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ServerError, ServiceUnavailableError } from '../../../src/errors/error-classes.js';
import { compose } from '../../../src/middleware/compose.js';
import type { CallContext, Next } from '../../../src/call/call-context.js';
import { createHealthCheckMiddleware } from '../../../src/middleware/health-check/create-health-check-middleware.js';
import type { HealthCheckOptions, HealthProbe } from '../../../src/middleware/health-check/normalize-health-check-options.js';
import { createUnresolvedRoute } from '../../../src/middleware/router/create-unresolved-route.js';
import type { ResolvedRoute } from '../../../src/routing/resolved-route.js';
import { createFakeClock } from '../../support/fake-clock.js';
import { fakeCallContext, fakeProvider, fakeServices, routeName } from '../../support/fake-call-context.js';
import { rejection } from '../../support/fake-stream.js';

/** A probe whose answer the test switches; records the routes it checked. */
function switchableProbe(): HealthProbe & { healthy: boolean; checked: string[] } {
  const probe = Object.assign(
    async (route: ResolvedRoute): Promise<void> => {
      probe.checked.push(`${route.provider.id}/${route.model}`);
      if (!probe.healthy) throw new ServerError('probe failed: 500');
    },
    { healthy: true, checked: [] as string[] },
  );
  return probe;
}

function setup(options: HealthCheckOptions = {}, probe: HealthProbe = switchableProbe()) {
  const clock = createFakeClock(5_000);
  const timer = createFakeClock();
  const services = fakeServices();
  const health = createHealthCheckMiddleware({ failureThreshold: 3, recoveryThreshold: 2, intervalMs: 1_000, probe, ...options }, { clock, timer });
  const calls: CallContext[] = [];
  const core: Next = async (context) => {
    calls.push(context);
    return routeName(context);
  };
  const pipeline = compose([health], core);
  const call = (model = 'a/one') => pipeline(fakeCallContext({ model, services }));
  return { clock, timer, services, health, calls, call };
}

describe('createHealthCheckMiddleware', () => {
  it('is a named middleware with close, status, isHealthy and checkNow', () => {
    const health = createHealthCheckMiddleware(true, { timer: createFakeClock() });
    expect(health.name).toBe('healthCheck');
    expect(typeof health.close).toBe('function');
    expect(health.status()).toEqual([]);
  });

  it('starts probing on the first call and learns the deployments it sees', async () => {
    const probe = switchableProbe();
    const { timer, call } = setup({}, probe);
    expect(timer.scheduled).toEqual([]);
    await call('a/one');
    await call('b/two');
    await call('a/one');
    expect(timer.scheduled).toEqual([{ intervalMs: 1_000, stopped: false, tick: expect.any(Function) }]);
    await timer.fire();
    expect(probe.checked).toEqual(['a/one', 'b/two']);
  });

  it('marks a deployment unhealthy after failureThreshold failed probes and fails its calls fast', async () => {
    const probe = switchableProbe();
    const { timer, health, calls, call, clock } = setup({}, probe);
    await call('a/one');
    probe.healthy = false;
    await timer.fire();
    await timer.fire();
    await expect(call('a/one')).resolves.toBe('a/one'); // two failures: still healthy
    expect(health.status()[0]).toMatchObject({ healthy: true, consecutiveFailures: 2 });
    clock.advance(250);
    await timer.fire();
    expect(health.status()).toEqual([
      {
        deployment: 'a/one',
        endpoint: 'https://a.example/v1',
        healthy: false,
        consecutiveFailures: 3,
        consecutiveSuccesses: 0,
        lastCheckedAt: 5_250,
        lastError: 'probe failed: 500',
      },
    ]);
    const before = calls.length;
    const thrown = await rejection(call('a/one'));
    expect(thrown).toBeInstanceOf(ServiceUnavailableError);
    expect(thrown).toMatchObject({ retryable: true, provider: 'a', model: 'one' });
    expect((thrown as Error).message).toBe('a/one is unhealthy: its last 3 health checks failed');
    expect((thrown as Error).cause).toBeInstanceOf(ServerError);
    expect(calls.length).toBe(before);
    expect(health.isHealthy(fakeServices().resolveRoute('a/one'))).toBe(false);
    await expect(call('b/two')).resolves.toBe('b/two'); // other deployments are not affected
  });

  it('brings a deployment back after recoveryThreshold successful probes', async () => {
    const probe = switchableProbe();
    const { timer, health, call } = setup({ failureThreshold: 1, recoveryThreshold: 2 }, probe);
    await call('a/one');
    probe.healthy = false;
    await timer.fire();
    expect(await rejection(call('a/one'))).toBeInstanceOf(ServiceUnavailableError);
    probe.healthy = true;
    await timer.fire();
    expect(health.status()[0]).toMatchObject({ healthy: false, consecutiveSuccesses: 1 });
    probe.healthy = false;
    await timer.fire(); // a failure resets the recovery count
    probe.healthy = true;
    await timer.fire();
    expect(health.status()[0]).toMatchObject({ healthy: false, consecutiveSuccesses: 1 });
    await timer.fire();
    expect(health.status()[0]).toMatchObject({ healthy: true, consecutiveSuccesses: 2, consecutiveFailures: 0, lastError: undefined });
    await expect(call('a/one')).resolves.toBe('a/one');
  });

  it('a successful probe resets the failure count of a healthy deployment', async () => {
    const probe = switchableProbe();
    const { timer, health, call } = setup({ failureThreshold: 2 }, probe);
    await call();
    probe.healthy = false;
    await timer.fire();
    probe.healthy = true;
    await timer.fire();
    probe.healthy = false;
    await timer.fire();
    expect(health.status()[0]).toMatchObject({ healthy: true, consecutiveFailures: 1 });
  });

  it('never runs two probes of one deployment at once', async () => {
    let release: () => void = () => undefined;
    let started = 0;
    const probe: HealthProbe = () => {
      started += 1;
      return new Promise<void>((resolve) => {
        release = resolve;
      });
    };
    const { health, call } = setup({}, probe);
    await call();
    const first = health.checkNow();
    await health.checkNow();
    expect(started).toBe(1);
    release();
    await first;
    expect(health.status()[0]).toMatchObject({ consecutiveSuccesses: 1 });
  });

  it('probes where AbortSignal.any and AbortSignal.timeout are missing (Vercel edge runtime)', async () => {
    const any = Object.getOwnPropertyDescriptor(AbortSignal, 'any');
    const timeout = Object.getOwnPropertyDescriptor(AbortSignal, 'timeout');
    Reflect.deleteProperty(AbortSignal, 'any');
    Reflect.deleteProperty(AbortSignal, 'timeout');
    try {
      const probe = switchableProbe();
      const { timer, health, call } = setup({ failureThreshold: 1 }, probe);
      await call('a/one');
      probe.healthy = false;
      await timer.fire();
      expect(probe.checked).toEqual(['a/one']);
      expect(health.status()[0]).toMatchObject({ healthy: false, consecutiveFailures: 1 });
      health.close();
    } finally {
      if (any !== undefined) Object.defineProperty(AbortSignal, 'any', any);
      if (timeout !== undefined) Object.defineProperty(AbortSignal, 'timeout', timeout);
    }
  });

  it('a probe that outlives timeoutMs is aborted with a TimeoutError', async () => {
    const reasons: unknown[] = [];
    const { health, call } = setup({ timeoutMs: 20 }, (_route, signal) => new Promise<void>((_resolve, reject) => {
      signal.addEventListener('abort', () => {
        reasons.push(signal.reason);
        reject(signal.reason as Error);
      });
    }));
    await call('a/one');
    await health.checkNow();
    expect(reasons).toEqual([expect.objectContaining({ name: 'TimeoutError' })]);
    health.close();
  });

  it('close() stops the timer, aborts running probes, ignores their results and stops gating calls', async () => {
    const probe = switchableProbe();
    const { timer, health, call } = setup({ failureThreshold: 1 }, probe);
    await call();
    probe.healthy = false;
    await timer.fire();
    expect(await rejection(call())).toBeInstanceOf(ServiceUnavailableError);
    let resolveProbe: () => void = () => undefined;
    const hanging = setup({}, (_route, signal) => new Promise<void>((resolve) => {
      resolveProbe = resolve;
      signal.addEventListener('abort', () => resolve());
    }));
    await hanging.call();
    const running = hanging.health.checkNow();
    hanging.health.close();
    await running;
    resolveProbe();
    expect(hanging.health.status()[0]).toMatchObject({ lastCheckedAt: undefined, consecutiveSuccesses: 0 });

    health.close();
    health.close(); // idempotent
    expect(timer.scheduled[0]?.stopped).toBe(true);
    await expect(call()).resolves.toBe('a/one');
    expect(health.isHealthy(fakeServices().resolveRoute('a/one'))).toBe(true);
    const checked = probe.checked.length;
    await health.checkNow();
    expect(probe.checked.length).toBe(checked);
  });

  it('passes provider-level calls and unresolved routes through without tracking them', async () => {
    const { health, calls, services } = setup();
    const pipeline = compose([health], async (context) => {
      calls.push(context);
      return 'ok';
    });
    const provider = services.resolveRoute('a/one').provider;
    await pipeline(fakeCallContext({ operation: 'files.list', request: {}, route: { provider, model: '' }, services }));
    await pipeline(fakeCallContext({ request: { model: 'smart' }, route: createUnresolvedRoute('smart'), services }));
    expect(calls).toHaveLength(2);
    expect(health.status()).toEqual([]);
  });

  it('checks only the configured deployments and models, resolved at construction with services', async () => {
    const probe = switchableProbe();
    const timer = createFakeClock();
    const services = fakeServices();
    const health = createHealthCheckMiddleware(
      { deployments: [{ model: 'a/one', baseURL: 'https://eu.example/v1' }], models: ['b/two'], probe, failureThreshold: 1 },
      { timer, services },
    );
    expect(timer.scheduled).toHaveLength(1);
    expect(health.status().map((entry) => [entry.deployment, entry.endpoint])).toEqual([
      ['a/one', 'https://eu.example/v1'],
      ['b/two', 'https://b.example/v1'],
    ]);
    probe.healthy = false;
    await timer.fire();
    expect(probe.checked).toEqual(['a/one', 'b/two']);
    const pipeline = compose([health], async (context) => routeName(context));
    // The same provider and model at another endpoint is another deployment, and is not tracked.
    await expect(pipeline(fakeCallContext({ model: 'a/one', services }))).resolves.toBe('a/one');
    expect(await rejection(pipeline(fakeCallContext({ route: services.resolveDeployment({ model: 'a/one', baseURL: 'https://eu.example/v1' }), services })))).toBeInstanceOf(ServiceUnavailableError);
    expect(await rejection(pipeline(fakeCallContext({ model: 'b/two', services })))).toBeInstanceOf(ServiceUnavailableError);
    await expect(pipeline(fakeCallContext({ model: 'c/three', services }))).resolves.toBe('c/three');
    expect(health.status()).toHaveLength(2);
  });

  describe('built-in probes', () => {
    it('"models" lists the models through the layers inside, with no retries, the timeout and a tag', async () => {
      const timer = createFakeClock();
      const health = createHealthCheckMiddleware({ timeoutMs: 1_234 }, { timer });
      const seen: CallContext[] = [];
      const pipeline = compose([health], async (context) => {
        seen.push(context);
        return {};
      });
      await pipeline(fakeCallContext({ model: 'a/one' }));
      await timer.fire();
      expect(seen).toHaveLength(2);
      const probe = seen[1] as CallContext;
      expect(probe).toMatchObject({
        operation: 'listModels',
        request: { provider: 'a' },
        route: { model: '' },
        options: { timeoutMs: 1_234, maxRetries: 0, cache: false, tags: ['health-check'] },
      });
      expect(probe.route.provider).toBe(seen[0]?.route.provider);
      expect(probe.options.signal).toBeInstanceOf(AbortSignal);
      expect(health.status()[0]).toMatchObject({ consecutiveSuccesses: 1 });
    });

    it('falls back to a 1-token chat for a provider without a models endpoint, and "chat" always sends one', async () => {
      for (const [probe, provider] of [
        ['models', fakeProvider('nomodels', 'https://nomodels.example', { chat: { path: '/chat' } })],
        ['chat', fakeProvider('a')],
      ] as const) {
        const timer = createFakeClock();
        const sent: CallContext[] = [];
        const health = createHealthCheckMiddleware({ probe }, { timer, send: async (context) => sent.push(context) });
        await compose([health], async () => 'ok')(fakeCallContext({ route: { provider, model: 'm-1' }, request: { model: 'x' } }));
        await timer.fire();
        expect(sent).toHaveLength(1);
        expect(sent[0]).toMatchObject({
          operation: 'chat',
          request: { model: 'm-1', messages: [{ role: 'user', content: 'ping' }], max_tokens: 1 },
          route: { provider, model: 'm-1' },
        });
      }
    });

    it('counts a failing probe call as a failed check', async () => {
      const timer = createFakeClock();
      const health = createHealthCheckMiddleware({ failureThreshold: 1 }, { timer });
      const pipeline = compose([health], async (context) => {
        if (context.operation === 'listModels') throw new ServiceUnavailableError('models: 503');
        return 'ok';
      });
      await pipeline(fakeCallContext());
      await timer.fire();
      expect(health.status()[0]).toMatchObject({ healthy: false, lastError: 'models: 503' });
    });
  });

  it('its real timer never keeps the process alive', async () => {
    const script = fileURLToPath(new URL('./fixtures/start-health-check.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], { timeout: 15_000 });
    // The timer ran (probes happened) and yet the process exited by itself.
    expect(stdout.trim()).toBe('started checked');
  });
});
