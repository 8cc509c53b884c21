import { Counter, Histogram, Registry } from 'prom-client';

/** The gateway's Prometheus metrics, in a registry of its own (two gateways in one process never mix). */
export interface GatewayMetrics {
  readonly registry: Registry;
  /** One finished request: its configured model name, key name and HTTP status. */
  request(labels: { model: string; key: string; status: number }, seconds: number): void;
  /** Tokens and cost of one call, when the call reported them. */
  usage(labels: { model: string; key: string }, usage: { prompt_tokens?: number; completion_tokens?: number } | undefined, costUsd: number | undefined): void;
}

export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  const requests = new Counter({ name: 'liter_llm_requests_total', help: 'Requests answered, by model, key and status.', labelNames: ['model', 'key', 'status'], registers: [registry] });
  const errors = new Counter({ name: 'liter_llm_errors_total', help: 'Requests answered with a status of 400 or above.', labelNames: ['model', 'key', 'status'], registers: [registry] });
  const latency = new Histogram({
    name: 'liter_llm_request_duration_seconds',
    help: 'Time to the response head (to the first chunk for streams).',
    labelNames: ['model', 'key'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60],
    registers: [registry],
  });
  const tokens = new Counter({ name: 'liter_llm_tokens_total', help: 'Tokens reported by providers.', labelNames: ['model', 'key', 'direction'], registers: [registry] });
  const cost = new Counter({ name: 'liter_llm_cost_usd_total', help: 'Cost in USD of the calls, where the price is known.', labelNames: ['model', 'key'], registers: [registry] });
  return {
    registry,
    request({ model, key, status }, seconds) {
      const labels = { model, key, status: String(status) };
      requests.inc(labels);
      if (status >= 400) errors.inc(labels);
      latency.observe({ model, key }, seconds);
    },
    usage({ model, key }, usage, costUsd) {
      if (usage !== undefined) {
        tokens.inc({ model, key, direction: 'input' }, usage.prompt_tokens ?? 0);
        tokens.inc({ model, key, direction: 'output' }, usage.completion_tokens ?? 0);
      }
      if (costUsd !== undefined && costUsd > 0) cost.inc({ model, key }, costUsd);
    },
  };
}
