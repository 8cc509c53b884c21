import type { ProviderEntry } from '../../generated/types/provider-entry.js';
import { isRecord } from '../../src/dialects/shared/is-record.js';
import { catalogUrl, entryBaseUrl } from './compare-with-catalog.js';

/**
 * Whether a registry entry serves one of the models of the models.dev provider it is mapped to.
 * models.dev marks a model its provider serves on another API with `provider: { api, npm, shape }`:
 * another base URL (Claude on Azure at `services.ai.azure.com/anthropic`, ZenMux's Anthropic models
 * at `/api/anthropic/v1`, Bedrock's OpenAI-compatible "mantle" models), or the Responses API only
 * (`shape: "responses"`). A marked model is served by the entry whose base URL is that `api`, and a
 * Responses-only model by no entry that declares chat; an unmarked model by every entry.
 */
export function isServedByEntry(model: unknown, entry: ProviderEntry): boolean {
  const override = isRecord(model) ? model.provider : undefined;
  if (!isRecord(override)) return true;
  if (typeof override.api === 'string' && catalogUrl(override.api) !== entryBaseUrl(entry)) return false;
  return !(override.shape === 'responses' && entry.endpoints.chat !== undefined);
}
