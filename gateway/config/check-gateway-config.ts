import { createClient, isLiterLlmError, providerIds } from '../../src/index.js';
import { findCloseMatches } from '../../src/routing/find-close-matches.js';
import { parseModelString } from '../../src/routing/parse-model-string.js';
import { createGatewayClientOptions, patternProvider } from './create-gateway-client-options.js';
import type { ConfigProblem, GatewayConfig } from './gateway-config.js';
import { isModelPattern, matchesModelPattern } from './model-name-pattern.js';

/**
 * What the schema cannot say: every model names a provider the SDK knows, keys name configured
 * models, each key has exactly one of `key` and `keyHash` and a name and key of its own, a budget
 * period has a budget, and the `client` section is accepted by `createClient`.
 */
export function checkGatewayConfig(config: GatewayConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const custom = ((config.client.customProviders ?? []) as Array<{ id?: unknown }>).map((entry) => entry.id).filter((id): id is string => typeof id === 'string');
  const known = new Set<string>([...providerIds, ...custom]);
  const userAliases = new Set(Object.keys((config.client.router as Record<string, unknown> | undefined) ?? {}));

  const checkProvider = (path: string, provider: string | undefined, written: string): void => {
    if (provider === undefined) {
      problems.push({ path, message: `"${written}" names no provider: write it as provider/model (e.g. "openai/gpt-4o")` });
    } else if (!known.has(provider)) {
      const close = findCloseMatches(provider, known, 1);
      problems.push({ path, message: `unknown provider "${provider}"${close.length > 0 ? `; did you mean "${close[0]}"?` : ''}` });
    }
  };

  const names = new Set<string>();
  const patterns: string[] = [];
  config.models.forEach((entry, index) => {
    if (isModelPattern(entry.name)) {
      patterns.push(entry.name);
      if (entry.model !== undefined) problems.push({ path: `models[${index}].model`, message: 'a pattern passes the requested model through; remove model' });
      const provider = patternProvider(entry.name);
      if (provider !== undefined) checkProvider(`models[${index}].name`, provider, entry.name);
      else if (entry.apiKey !== undefined || entry.baseURL !== undefined) {
        problems.push({ path: `models[${index}]`, message: 'apiKey and baseURL need a pattern limited to one provider ("openai/*")' });
      }
      return;
    }
    names.add(entry.name);
    if (entry.model === undefined) {
      problems.push({ path: `models[${index}].model`, message: 'is required unless name is a pattern such as "openai/*"' });
      return;
    }
    if (userAliases.has(entry.model)) return;
    checkProvider(`models[${index}].model`, parseModelString(entry.model).prefix, entry.model);
    if (userAliases.has(entry.name)) problems.push({ path: `models[${index}].name`, message: `"${entry.name}" is also an alias of client.router` });
  });

  const keyNames = new Map<string, number>();
  const secrets = new Map<string, number>();
  config.keys.forEach((key, index) => {
    const path = `keys[${index}]`;
    const seen = keyNames.get(key.name);
    if (seen !== undefined) problems.push({ path: `${path}.name`, message: `"${key.name}" is also the name of keys[${seen}]` });
    else keyNames.set(key.name, index);
    if ((key.key === undefined) === (key.keyHash === undefined)) {
      problems.push({ path, message: 'give exactly one of key and keyHash' });
    }
    const secret = key.key ?? key.keyHash;
    if (secret !== undefined) {
      const other = secrets.get(secret);
      // The message never repeats the key itself.
      if (other !== undefined) problems.push({ path: `${path}.${key.key === undefined ? 'keyHash' : 'key'}`, message: `the same key as keys[${other}]` });
      else secrets.set(secret, index);
    }
    if (key.budgetPeriod !== undefined && key.budgetUsd === undefined) problems.push({ path: `${path}.budgetPeriod`, message: 'needs budgetUsd' });
    key.models?.forEach((model, modelIndex) => {
      const modelPath = `${path}.models[${modelIndex}]`;
      if (isModelPattern(model)) {
        const provider = patternProvider(model);
        if (provider !== undefined) checkProvider(modelPath, provider, model);
        return;
      }
      if (names.has(model) || patterns.some((pattern) => matchesModelPattern(pattern, model))) return;
      const close = findCloseMatches(model, names, 1);
      problems.push({ path: modelPath, message: `"${model}" is not a configured model name${close.length > 0 ? `; did you mean "${close[0]}"?` : ''}` });
    });
  });

  if (problems.length === 0) {
    try {
      createClient(createGatewayClientOptions(config)).close();
    } catch (error) {
      if (!isLiterLlmError(error)) throw error;
      problems.push({ path: 'client', message: error.message });
    }
  }
  return problems;
}
