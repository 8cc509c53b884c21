import { ConfigurationError } from '../../errors/error-classes.js';
import type { Hook } from './hook.js';

const HOOK_NAMES = ['onRequest', 'onResponse', 'onError'] as const;

/**
 * Checks the `hooks` option, an array of `{ onRequest?, onResponse?, onError? }`: a bad entry or
 * an unknown key (a misspelt hook would never run) throws a `ConfigurationError` naming it.
 */
export function normalizeHooksOptions(hooks: unknown): readonly Hook[] {
  if (!Array.isArray(hooks)) {
    throw new ConfigurationError('hooks must be an array of { onRequest?, onResponse?, onError? } objects');
  }
  return hooks.map((hook: unknown, index): Hook => {
    if (hook === null || typeof hook !== 'object' || Array.isArray(hook)) {
      throw new ConfigurationError(`hooks[${index}] must be an object { onRequest?, onResponse?, onError? }`);
    }
    const record = hook as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      if (!(HOOK_NAMES as readonly string[]).includes(key)) {
        throw new ConfigurationError(`hooks[${index}].${key} is not a hook (expected onRequest, onResponse or onError)`);
      }
      if (record[key] !== undefined && typeof record[key] !== 'function') {
        throw new ConfigurationError(`hooks[${index}].${key} must be a function`);
      }
    }
    return hook as Hook;
  });
}
