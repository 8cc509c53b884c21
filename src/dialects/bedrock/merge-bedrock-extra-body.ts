import type { BedrockConverseRequest } from './bedrock-wire-types.js';
import { isRecord } from '../shared/is-record.js';

/** Converse request fields: an `extra_body` key with one of these names goes to the top level. */
const CONVERSE_FIELDS = new Set([
  'additionalModelRequestFields',
  'additionalModelResponseFieldPaths',
  'guardrailConfig',
  'inferenceConfig',
  'messages',
  'outputConfig',
  'performanceConfig',
  'promptVariables',
  'requestMetadata',
  'serviceTier',
  'system',
  'toolConfig',
]);

/** Converse fields that are objects and whose keys are merged rather than replaced. */
const MERGED_FIELDS = new Set(['additionalModelRequestFields', 'inferenceConfig']);

/**
 * `extra_body` merged last. Keys that are Converse request fields (`guardrailConfig`,
 * `performanceConfig`, ...) are set at the top level, `additionalModelRequestFields` and
 * `inferenceConfig` key by key; every other key (`top_k`, `thinking`, `anthropic_beta`, ...) is a
 * model-native parameter and goes into `additionalModelRequestFields`, the only place Converse
 * forwards such parameters from.
 */
export function mergeBedrockExtraBody(body: BedrockConverseRequest, extraBody: Readonly<Record<string, unknown>> | undefined): void {
  if (extraBody === undefined || extraBody === null) return;
  for (const [key, value] of Object.entries(extraBody)) {
    if (value === undefined) continue;
    if (!CONVERSE_FIELDS.has(key)) {
      body.additionalModelRequestFields = { ...body.additionalModelRequestFields, [key]: value };
    } else if (MERGED_FIELDS.has(key) && isRecord(value) && isRecord(body[key])) {
      body[key] = { ...body[key], ...value };
    } else {
      body[key] = value;
    }
  }
}
