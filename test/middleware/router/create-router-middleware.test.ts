import { describe, expect, it } from 'vitest';
import {
  AbortedError,
  BadRequestError,
  ConfigurationError,
  RateLimitedError,
  ServerError,
  ServiceUnavailableError,
} from '../../../src/errors/error-classes.js';
import { compose } from '../../../src/middleware/compose.js';
import type { CallContext, Next } from '../../../src/call/call-context.js';
import { createRouterMiddleware } from '../../../src/middleware/router/create-router-middleware.js';
import type { RouterOptions } from '../../../src/middleware/router/normalize-router-options.js';
import { collect, fakeStream, rejection } from '../../support/fake-stream.js';
import { createFakeClock } from '../../support/fake-clock.js';
import { fakeCallContext, fakeServices, routeName } from '../../support/fake-call-context.js';

/** Lets pending promise chains run (no time passes on any clock the code reads). */
const settle = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Sequence of numbers in [0, 1) for the weighted strategy. */
function sequence(values: readonly number[]): () => number {
  let index = 0;
  return () => values[index++ % values.length] as number;
}

/** A core that records where each call went and answers with that route's name (or an outcome). */
function recordingCore(outcomes: Record<string, unknown> = {}): Next & { calls: CallContext[] } {
  const calls: CallContext[] = [];
  const core = async (context: CallContext): Promise<unknown> => {
    calls.push(context);
    const key = `${routeName(context)}${context.route.provider.definition.baseURL.includes('eu') ? '@eu' : ''}`;
    const outcome = outcomes[key] ?? outcomes[routeName(context)];
    if (outcome instanceof Error) throw outcome;
    if (typeof outcome === 'function') return (outcome as (context: CallContext) => unknown)(context);
    return outcome ?? key;
  };
  return Object.assign(core, { calls });
}

function run(options: RouterOptions, core: Next, dependencies?: Parameters<typeof createRouterMiddleware>[1]) {
  const services = fakeServices();
  const router = createRouterMiddleware(options, dependencies);
  const pipeline = compose([router], core);
  return {
    services,
    router,
    call: (model = 'smart', operation: CallContext['operation'] = 'chat') => {
      const context = fakeCallContext({ model, operation, services });
      return { context, result: pipeline(context) };
    },
  };
}

const three = { deployments: [{ model: 'a/one' }, { model: 'b/two' }, { model: 'c/three' }] };

describe('createRouterMiddleware', () => {
  it('is a named middleware that lists its aliases', () => {
    const router = createRouterMiddleware({ smart: three, fast: three });
    expect(router.name).toBe('router');
    expect([...router.aliases]).toEqual(['smart', 'fast']);
  });

  it('passes calls whose model is not an alias through untouched', async () => {
    const core = recordingCore();
    const { call } = run({ smart: three }, core);
    const { context, result } = call('openai/gpt-4o');
    await expect(result).resolves.toBe('openai/gpt-4o');
    expect(core.calls[0]).toBe(context);
  });

  it('routes an alias to a deployment: its route and its model in request.model; resolves each deployment once', async () => {
    const core = recordingCore();
    const { call, services } = run({ smart: three }, core);
    for (let index = 0; index < 4; index += 1) await call().result;
    expect(core.calls.map((context) => (context.request as { model: string }).model)).toEqual(['a/one', 'b/two', 'c/three', 'a/one']);
    expect(core.calls.map(routeName)).toEqual(['a/one', 'b/two', 'c/three', 'a/one']);
    expect(services.resolved).toEqual(['a/one', 'b/two', 'c/three']);
    expect(core.calls[0]?.route).toBe(core.calls[3]?.route);
  });

  it('keeps per-deployment overrides (baseURL) in the route', async () => {
    const core = recordingCore();
    const { call } = run({ smart: { deployments: [{ model: 'a/one', baseURL: 'https://eu.example/v1' }, { model: 'a/one' }] } }, core);
    await expect(call().result).resolves.toBe('a/one@eu');
    await expect(call().result).resolves.toBe('a/one');
  });

  describe('weighted', () => {
    it('picks by weight, and orders the rest for failover by weight', async () => {
      const options = { smart: { strategy: 'weighted' as const, deployments: [{ model: 'a/one', weight: 3 }, { model: 'b/two', weight: 1 }] } };
      // With weights 3:1, a draw below 0.75 picks a/one. Evenly spread draws give exactly 3:1.
      const draws = Array.from({ length: 40 }, (_, index) => (index + 0.5) / 40);
      const core = recordingCore();
      const { call } = run(options, core, { random: sequence(draws.flatMap((draw) => [draw, 0])) });
      for (let index = 0; index < 40; index += 1) await call().result;
      const counts = { 'a/one': 0, 'b/two': 0 };
      for (const context of core.calls) counts[routeName(context) as keyof typeof counts] += 1;
      expect(counts).toEqual({ 'a/one': 30, 'b/two': 10 });
    });

    it('fails over to the other deployment', async () => {
      const options = { smart: { strategy: 'weighted' as const, deployments: [{ model: 'a/one', weight: 1 }, { model: 'b/two', weight: 9 }] } };
      const core = recordingCore({ 'b/two': new ServerError('500') });
      const { call } = run(options, core, { random: () => 0.5 });
      const { context, result } = call();
      await expect(result).resolves.toBe('a/one');
      expect(core.calls.map(routeName)).toEqual(['b/two', 'a/one']);
      expect(context.info.fallbacks).toEqual(['b/two']);
    });
  });

  describe('least-latency', () => {
    it('tries unmeasured deployments first, then the lowest moving average', async () => {
      const clock = createFakeClock(1_000);
      const latency: Record<string, number> = { 'a/one': 300, 'b/two': 100, 'c/three': 200 };
      const core = recordingCore();
      const timed: Next = async (context) => {
        clock.advance(latency[routeName(context)] as number);
        return core(context);
      };
      const { call } = run({ smart: { ...three, strategy: 'least-latency' } }, timed, { clock });
      for (let index = 0; index < 5; index += 1) await call().result;
      expect(core.calls.map(routeName)).toEqual(['a/one', 'b/two', 'c/three', 'b/two', 'b/two']);
      // b/two slows down: its average (smoothing 0.3) rises from 100 to 0.3 * 500 + 0.7 * 100 = 220, above c/three's 200.
      latency['b/two'] = 500;
      core.calls.length = 0;
      for (let index = 0; index < 3; index += 1) await call().result;
      expect(core.calls.map(routeName)).toEqual(['b/two', 'c/three', 'c/three']);
    });

    it.each([
      [0.5, 'b/two'], // a/one: 0.5 * 400 + 0.5 * 100 = 250, above b/two's 200
      [0.3, 'a/one'], // a/one: 0.3 * 400 + 0.7 * 100 = 190, below b/two's 200
    ])('moves the average by latencySmoothing %s', async (latencySmoothing, expected) => {
      const clock = createFakeClock(1_000);
      const latencies = [100, 200, 400, 1];
      let position = 0;
      const core = recordingCore();
      const timed: Next = async (context) => {
        clock.advance(latencies[position++] as number);
        return core(context);
      };
      const { call } = run(
        { smart: { strategy: 'least-latency', latencySmoothing, deployments: [{ model: 'a/one' }, { model: 'b/two' }] } },
        timed,
        { clock },
      );
      await call().result; // a/one (unmeasured): 100
      await call().result; // b/two (unmeasured): 200
      await call().result; // a/one (faster): takes 400
      await call().result;
      expect(core.calls.map(routeName)).toEqual(['a/one', 'b/two', 'a/one', expected]);
    });
  });

  describe('lowest-cost', () => {
    it('orders by costPer1kTokens and fails over to the next cheapest', async () => {
      const options: RouterOptions = {
        smart: {
          strategy: 'lowest-cost',
          deployments: [
            { model: 'a/one', costPer1kTokens: 0.5 },
            { model: 'b/two', costPer1kTokens: 0.1 },
            { model: 'c/three', costPer1kTokens: 0.2 },
          ],
        },
      };
      const core = recordingCore({ 'b/two': new ServiceUnavailableError('cooling down') });
      const { call } = run(options, core);
      const { context, result } = call();
      await expect(result).resolves.toBe('c/three');
      expect(core.calls.map(routeName)).toEqual(['b/two', 'c/three']);
      expect(context.info.fallbacks).toEqual(['b/two']);
    });

    it('uses estimateCost(deployment, request) when given', async () => {
      const seen: unknown[] = [];
      const options: RouterOptions = {
        smart: {
          strategy: 'lowest-cost',
          deployments: [{ model: 'a/one' }, { model: 'b/two' }],
          estimateCost: (deployment, request) => {
            seen.push(request);
            return deployment.model === 'a/one' ? 2 : 1;
          },
        },
      };
      const core = recordingCore();
      const { call } = run(options, core);
      await expect(call().result).resolves.toBe('b/two');
      expect(seen[0]).toMatchObject({ model: 'smart' });
    });

    it('spreads calls over deployments that cost the same', async () => {
      const options: RouterOptions = {
        smart: { strategy: 'lowest-cost', deployments: [{ model: 'a/one', costPer1kTokens: 1 }, { model: 'b/two', costPer1kTokens: 1 }, { model: 'c/three', costPer1kTokens: 9 }] },
      };
      const core = recordingCore();
      const { call } = run(options, core);
      for (let index = 0; index < 4; index += 1) await call().result;
      expect(core.calls.map(routeName)).toEqual(['a/one', 'b/two', 'a/one', 'b/two']);
    });
  });

  describe('least-busy', () => {
    it('sends a call to the deployment with the fewest calls in flight, streams counting until they end', async () => {
      const releases: Array<() => void> = [];
      const core = recordingCore();
      const slow: Next = async (context) => {
        const answer = await core(context);
        if (context.operation === 'chatStream') return fakeStream(['x', 'y']);
        await new Promise<void>((resolve) => releases.push(resolve));
        return answer;
      };
      const { call } = run({ smart: { strategy: 'least-busy', deployments: [{ model: 'a/one' }, { model: 'b/two' }, { model: 'c/three' }] } }, slow);
      const first = call().result; // a/one busy
      const stream = (await call('smart', 'chatStream').result) as AsyncIterable<string>; // b/two busy while the stream is open
      const third = call().result; // c/three
      await settle();
      expect(core.calls.map(routeName)).toEqual(['a/one', 'b/two', 'c/three']);
      releases.shift()?.(); // a/one done
      await first;
      const fourth = call().result;
      await settle();
      expect(routeName(core.calls[3] as CallContext)).toBe('a/one');
      for await (const chunk of stream) {
        expect(chunk).toBe('x');
        break; // b/two is free again
      }
      releases.shift()?.(); // c/three done
      await third;
      releases.shift()?.();
      await fourth;
      const fifth = call().result;
      await settle();
      expect(routeName(core.calls[4] as CallContext)).toBe('b/two'); // all idle: the least recently used
      releases.shift()?.();
      await fifth;
      const sixth = call().result;
      await settle();
      expect(routeName(core.calls[5] as CallContext)).toBe('c/three');
      releases.shift()?.();
      await sixth;
    });
  });

  it('round-robin spreads concurrent calls evenly', async () => {
    const core = recordingCore();
    const { call } = run({ smart: three }, core);
    await Promise.all(Array.from({ length: 30 }, () => call().result));
    const counts = new Map<string, number>();
    for (const context of core.calls) counts.set(routeName(context), (counts.get(routeName(context)) ?? 0) + 1);
    expect(Object.fromEntries(counts)).toEqual({ 'a/one': 10, 'b/two': 10, 'c/three': 10 });
  });

  describe('failover', () => {
    it.each([
      ['ServiceUnavailableError', new ServiceUnavailableError('cooling down')],
      ['RateLimitedError', new RateLimitedError('429')],
      ['ServerError', new ServerError('500')],
    ])('moves on to the next deployment on %s', async (_name, error) => {
      const core = recordingCore({ 'a/one': error });
      const { call } = run({ smart: three }, core);
      const { context, result } = call();
      await expect(result).resolves.toBe('b/two');
      expect(context.info.fallbacks).toEqual(['a/one']);
    });

    it.each([
      ['BadRequestError', new BadRequestError('bad')],
      ['AbortedError', new AbortedError('aborted')],
    ])('throws %s as it is', async (_name, error) => {
      const core = recordingCore({ 'a/one': error });
      const { call } = run({ smart: three }, core);
      const { context, result } = call();
      expect(await rejection(result)).toBe(error);
      expect(core.calls).toHaveLength(1);
      expect(context.info.fallbacks).toEqual([]);
    });

    it('gives up after every deployment failed: the last error, with all of them', async () => {
      const errors = [new ServerError('1'), new ServerError('2'), new ServerError('3')];
      const core = recordingCore({ 'a/one': errors[0], 'b/two': errors[1], 'c/three': errors[2] });
      const { call } = run({ smart: three }, core);
      const { context, result } = call();
      const thrown = await rejection(result);
      expect(thrown).toBe(errors[2]);
      expect((thrown as { errors: unknown[] }).errors).toEqual(errors);
      expect(context.info.fallbacks).toEqual(['a/one', 'b/two']);
    });

    it('names deployments of the same model by index, or by their id', async () => {
      const core = recordingCore({ 'a/one@eu': new ServerError('500') });
      const same = { deployments: [{ model: 'a/one', baseURL: 'https://eu.example/v1' }, { model: 'a/one' }] };
      const first = run({ smart: same }, core).call();
      await first.result;
      expect(first.context.info.fallbacks).toEqual(['a/one#0']);
      const named = { deployments: [{ model: 'a/one', baseURL: 'https://eu.example/v1', id: 'eu' }, { model: 'a/one', id: 'us' }] };
      const second = run({ smart: named }, core).call();
      await second.result;
      expect(second.context.info.fallbacks).toEqual(['eu']);
    });
  });

  describe('availability', () => {
    it('skips deployments that isAvailable rejects', async () => {
      const core = recordingCore();
      const { call } = run({ smart: three }, core, { isAvailable: (route) => route.provider.id !== 'a' });
      for (let index = 0; index < 3; index += 1) await call().result;
      expect(core.calls.map(routeName)).toEqual(['b/two', 'c/three', 'b/two']);
    });

    it('fails with a retryable ServiceUnavailableError when no deployment is available', async () => {
      const core = recordingCore();
      const { call } = run({ smart: three }, core, { isAvailable: async () => false });
      const thrown = await rejection(call().result);
      expect(thrown).toBeInstanceOf(ServiceUnavailableError);
      expect(thrown).toMatchObject({ retryable: true, model: 'smart' });
      expect(core.calls).toHaveLength(0);
    });
  });

  it('names the deployment that cannot be resolved, and tries again on the next call', async () => {
    const core = recordingCore();
    const { call } = run({ smart: { deployments: [{ model: 'a/one' }, { model: 'no-provider' }] } }, core);
    const thrown = await rejection(call().result);
    expect(thrown).toBeInstanceOf(ConfigurationError);
    expect((thrown as Error).message).toContain('router["smart"].deployments[1] ("no-provider"): cannot tell which provider serves "no-provider"');
    expect(await rejection(call().result)).toBeInstanceOf(ConfigurationError);
  });

  describe('streams', () => {
    it('fails over when the first chunk fails, and wraps lazily', async () => {
      const served = fakeStream(['b-1', 'b-2']);
      const core = recordingCore({ 'a/one': fakeStream(['a-1'], { failAt: 0, error: new ServerError('500') }), 'b/two': served });
      const { call } = run({ smart: three }, core);
      const { context, result } = call('smart', 'chatStream');
      const stream = (await result) as AsyncIterable<string>;
      expect(served.pulled).toBe(0);
      expect(await collect(stream)).toEqual(['b-1', 'b-2']);
      expect(context.info.fallbacks).toEqual(['a/one']);
    });

    it('passes a break on to the stream, and errors after the first chunk propagate once', async () => {
      const served = fakeStream(['a-1', 'a-2', 'a-3']);
      const core = recordingCore({ 'a/one': served });
      const { call } = run({ smart: three }, core);
      for await (const chunk of (await call('smart', 'chatStream').result) as AsyncIterable<string>) {
        expect(chunk).toBe('a-1');
        break;
      }
      expect(served.returned).toBe(true);
      const error = new ServerError('cut');
      const broken = fakeStream(['b-1', 'b-2'], { failAt: 1, error });
      const core2 = recordingCore({ 'a/one': broken });
      const iterator = ((await run({ smart: three }, core2).call('smart', 'chatStream').result) as AsyncIterable<string>)[Symbol.asyncIterator]();
      expect(await iterator.next()).toEqual({ done: false, value: 'b-1' });
      expect(await rejection(iterator.next())).toBe(error);
      expect(await iterator.next()).toEqual({ done: true, value: undefined });
      expect(core2.calls).toHaveLength(1);
    });
  });
});
