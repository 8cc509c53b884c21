import type { ModelModality } from '../../src/catalog/model-info.js';
import type { ModelRow } from '../../src/catalog/model-row.js';
import { CodegenError } from '../codegen-error.js';

const MODALITIES: ReadonlySet<string> = new Set<ModelModality>(['text', 'image', 'audio', 'video', 'pdf']);
const STATUSES: ReadonlySet<string> = new Set(['alpha', 'beta', 'deprecated']);

/**
 * A models.dev model (`schemas/catalog/api.json`, `<provider>.models.<id>`) as a stored row. A
 * field of the wrong type or an unknown modality fails generation naming the model and the field,
 * so a changed catalogue shape is noticed at `refresh:catalog`, not at run time.
 */
export function encodeModelRow(where: string, id: string, model: unknown): ModelRow {
  const fail = (field: string, expected: string): never => {
    throw new CodegenError(`${where}: model "${id}": ${field} must be ${expected}`);
  };
  if (!isRecord(model)) return fail('the entry', 'an object');
  const limit = isRecord(model.limit) ? model.limit : fail('limit', 'an object');
  const modalities = isRecord(model.modalities) ? model.modalities : fail('modalities', 'an object');
  const count = (value: unknown, field: string): number =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 ? value : fail(field, 'a whole number >= 0');
  const flag = (field: string): 0 | 1 => (typeof model[field] === 'boolean' ? (model[field] ? 1 : 0) : fail(field, 'true or false'));
  const optionalFlag = (field: string): 0 | 1 | null => (model[field] === undefined ? null : flag(field));
  const text = (field: string): string => (typeof model[field] === 'string' ? (model[field] as string) : fail(field, 'a string'));
  const optionalText = (field: string): string | null => (model[field] === undefined ? null : text(field));
  const modalityList = (value: unknown, field: string): string => {
    if (!Array.isArray(value)) return fail(field, 'an array');
    for (const item of value) if (typeof item !== 'string' || !MODALITIES.has(item)) fail(field, `a list of ${[...MODALITIES].join(', ')}`);
    return value.join(',');
  };
  const row: ModelRow = [
    id,
    count(limit.context, 'limit.context'),
    count(limit.output, 'limit.output'),
    modalityList(modalities.input, 'modalities.input'),
    modalityList(modalities.output, 'modalities.output'),
    flag('tool_call'),
    flag('reasoning'),
    flag('attachment'),
    flag('open_weights'),
    text('release_date'),
    text('last_updated'),
    optionalFlag('structured_output'),
    optionalFlag('temperature'),
    optionalText('knowledge'),
    optionalText('family'),
    encodePrices(model.cost, fail),
    encodeStatus(model.status, fail),
  ];
  while (row.length > 11 && row[row.length - 1] === null) row.pop();
  return row;
}

function encodePrices(cost: unknown, fail: (field: string, expected: string) => never): ModelRow[15] {
  if (cost === undefined) return null;
  if (!isRecord(cost)) return fail('cost', 'an object');
  const price = (field: string, required: boolean): number | null => {
    const value = cost[field];
    if (value === undefined && !required) return null;
    return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : fail(`cost.${field}`, 'a number >= 0');
  };
  const prices: NonNullable<ModelRow[15]> = [price('input', true) as number, price('output', true) as number, price('cache_read', false), price('cache_write', false)];
  while (prices.length > 2 && prices[prices.length - 1] === null) prices.pop();
  return prices;
}

function encodeStatus(status: unknown, fail: (field: string, expected: string) => never): ModelRow[16] {
  if (status === undefined) return null;
  return typeof status === 'string' && STATUSES.has(status) ? (status as ModelRow[16]) : fail('status', `one of ${[...STATUSES].join(', ')}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
