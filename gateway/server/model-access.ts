import type { GatewayConfig } from '../config/gateway-config.js';
import { isModelPattern, matchesModelPattern } from '../config/model-name-pattern.js';
import { GatewayHttpError } from './gateway-http-error.js';
import type { VirtualKey } from './virtual-keys.js';

/** Which model names the gateway serves: configured names, and whatever its patterns let through. */
export interface ModelAccess {
  /** Concrete configured names, sorted: what `/v1/models` lists. */
  readonly names: readonly string[];
  /** Throws 404 `model_not_found` for a model that is not configured, 403 for one outside the key's list. */
  check(model: unknown, key: VirtualKey | undefined): string;
  /** The configured names `key` may use. */
  namesFor(key: VirtualKey | undefined): string[];
}

export function createModelAccess(config: GatewayConfig): ModelAccess {
  const names = [...new Set(config.models.filter((entry) => !isModelPattern(entry.name)).map((entry) => entry.name))].sort();
  const patterns = config.models.filter((entry) => isModelPattern(entry.name)).map((entry) => entry.name);
  const nameSet = new Set(names);
  const configured = (model: string): boolean => nameSet.has(model) || patterns.some((pattern) => matchesModelPattern(pattern, model));
  const allowed = (key: VirtualKey | undefined, model: string): boolean =>
    key?.models === undefined || key.models.some((entry) => (isModelPattern(entry) ? matchesModelPattern(entry, model) : entry === model));
  return {
    names,
    check(model, key) {
      if (typeof model !== 'string' || model === '') throw new GatewayHttpError(400, 'invalid_request_error', 'missing_model', 'model: a model name is required');
      if (!configured(model)) throw new GatewayHttpError(404, 'invalid_request_error', 'model_not_found', `model "${model}" is not served by this gateway`);
      if (!allowed(key, model)) throw new GatewayHttpError(403, 'permission_error', 'model_not_allowed', `this key may not use model "${model}"`);
      return model;
    },
    namesFor(key) {
      return names.filter((name) => allowed(key, name));
    },
  };
}
