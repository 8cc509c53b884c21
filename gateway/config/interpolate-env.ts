import type { ConfigProblem } from './gateway-config.js';
import { formatConfigPath } from './format-config-path.js';

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$\$\{/g;

/**
 * Replaces `${NAME}` in every string of the parsed config with the environment variable NAME
 * (`$${` writes a literal `${`). A variable that is not set, or set to the empty string, is a
 * problem naming the path and the variable: a key that silently became empty would only fail at
 * the first request. Keys are never interpolated, only values.
 */
export function interpolateEnv(value: unknown, env: Readonly<Record<string, string | undefined>>, problems: ConfigProblem[]): unknown {
  const visit = (node: unknown, segments: Array<string | number>): unknown => {
    if (typeof node === 'string') {
      return node.replace(REFERENCE, (match: string, name: string | undefined) => {
        if (name === undefined) return '${';
        const found = env[name];
        if (found === undefined || found === '') {
          problems.push({ path: formatConfigPath(segments), message: `environment variable ${name} is not set` });
          return match;
        }
        return found;
      });
    }
    if (Array.isArray(node)) return node.map((item, index) => visit(item, [...segments, index]));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([key, item]) => [key, visit(item, [...segments, key])]));
    }
    return node;
  };
  return visit(value, []);
}
