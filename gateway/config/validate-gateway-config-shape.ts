import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import schema from '../../schemas/gateway/config.json' with { type: 'json' };
import { findCloseMatches } from '../../src/routing/find-close-matches.js';
import type { ConfigProblem } from './gateway-config.js';
import { formatConfigPath, parseJsonPointer } from './format-config-path.js';

let compiled: ReturnType<Ajv2020['compile']> | undefined;

/** Problems with the config's shape, per `schemas/gateway/config.json`, each at its bracket path. */
export function validateGatewayConfigShape(value: unknown): ConfigProblem[] {
  compiled ??= new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  if (compiled(value)) return [];
  return (compiled.errors ?? []).map(describe);
}

function describe(error: ErrorObject): ConfigProblem {
  const segments = parseJsonPointer(error.instancePath);
  const path = formatConfigPath(segments);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'additionalProperties': {
      const property = String(params.additionalProperty);
      const known = Object.keys(propertiesAt(segments));
      const close = findCloseMatches(property, known, 1);
      const hint = close.length > 0 ? `; did you mean "${close[0]}"?` : known.length > 0 ? ` (known: ${known.join(', ')})` : '';
      return { path: formatConfigPath([...segments, property]), message: `unknown property${hint}` };
    }
    case 'required':
      return { path: formatConfigPath([...segments, String(params.missingProperty)]), message: 'is required' };
    case 'pattern': {
      const description = (subschemaAt(segments) as { description?: string }).description;
      return { path, message: `does not match ${String(params.pattern)}${description === undefined ? '' : ` (${description})`}` };
    }
    default:
      return { path, message: error.message ?? `fails ${error.keyword}` };
  }
}

type SchemaNode = { properties?: Record<string, SchemaNode>; items?: SchemaNode; description?: string };

/** The schema node that describes the value at `segments`. */
function subschemaAt(segments: readonly (string | number)[]): SchemaNode {
  let node: SchemaNode | undefined = schema as SchemaNode;
  for (const segment of segments) node = typeof segment === 'number' ? node?.items : node?.properties?.[segment];
  return node ?? {};
}

function propertiesAt(segments: readonly (string | number)[]): Record<string, SchemaNode> {
  return subschemaAt(segments).properties ?? {};
}
