import type { ChatCompletionRequest, EmbeddingRequest } from '../../../generated/types/index.js';
import type { ProviderQuirks } from '../../provider-definition.js';
import type { Dialect, WireRequest } from '../dialect.js';
import { applyRequestQuirks } from './apply-request-quirks.js';
import { convertFilePartsToDocumentUrl } from './convert-file-parts-to-document-url.js';
import { fillToolParameters } from './fill-tool-parameters.js';

/** Requests whose parameters were filled in by the registry rather than given by the caller. */
const defaultedByRequest = new WeakMap<object, ReadonlySet<string>>();

/**
 * Whether `name` in this (quirk-applied) request came from the registry's `defaultParams` or
 * `streamUsage` rather than from the caller: a dialect that treats a given value differently from
 * a default (Anthropic's thinking budget, Azure's stream usage on old api-versions) asks here.
 */
export function isDefaultedParam(request: object, name: string): boolean {
  return defaultedByRequest.get(request)?.has(name) ?? false;
}

/**
 * The dialect with the provider's registry quirks applied to every OpenAI-shaped request before its
 * own conversion: the one place where `roleMap`, `dropParams`, `renameParams`, `defaultParams` and
 * `streamUsage` act (and `requireToolParameters`, `fileParts` on chat), for every dialect alike, so each native format shows their effect where it
 * puts that parameter (`renameParams: { top_p: 'temperature' }` reaches Bedrock as
 * `inferenceConfig.temperature`). `extra_body` is left for the dialect to merge last, its own way.
 * `headers` and `query` are applied to every request by the resolved provider (buildHeaders,
 * buildUrl), before any signing. Defaults apply to chat only: they name chat parameters.
 */
export function withRegistryQuirks(dialect: Dialect): Dialect {
  const wrapped: Dialect = {
    ...dialect,
    convertChatRequest(request, route, stream) {
      const quirks = route.provider.quirks;
      if (!hasRequestQuirks(quirks)) return dialect.convertChatRequest(request, route, stream);
      const prepared = prepare(request, quirks, true);
      if (quirks.requireToolParameters === true) prepared.request.tools = fillToolParameters(prepared.request.tools);
      if (quirks.fileParts === 'document_url') prepared.request.messages = convertFilePartsToDocumentUrl(prepared.request.messages, route);
      if (stream && quirks.streamUsage && prepared.request.stream_options === undefined) {
        prepared.request.stream_options = { include_usage: true };
        prepared.defaulted.push('stream_options');
      }
      defaultedByRequest.set(prepared.request, new Set(prepared.defaulted));
      return withWarnings(dialect.convertChatRequest(prepared.request as unknown as ChatCompletionRequest, route, stream), prepared.warnings);
    },
  };
  const convertEmbeddingRequest = dialect.convertEmbeddingRequest;
  if (convertEmbeddingRequest !== undefined) {
    wrapped.convertEmbeddingRequest = (request, route) => {
      const quirks = route.provider.quirks;
      if (!hasRequestQuirks(quirks)) return convertEmbeddingRequest.call(dialect, request, route);
      const prepared = prepare(request, quirks, false);
      return withWarnings(convertEmbeddingRequest.call(dialect, prepared.request as unknown as EmbeddingRequest, route), prepared.warnings);
    };
  }
  return wrapped;
}

function prepare(request: object, quirks: ProviderQuirks, defaults: boolean) {
  const { extra_body: extraBody, ...rest } = request as Record<string, unknown>;
  const { body, warnings, defaulted } = applyRequestQuirks(rest, quirks, { defaults });
  if (extraBody !== undefined) body.extra_body = extraBody;
  return { request: body, warnings, defaulted };
}

/** Quirk warnings come first: they happened first. */
function withWarnings(wire: WireRequest, warnings: readonly string[]): WireRequest {
  return warnings.length === 0 ? wire : { ...wire, warnings: [...warnings, ...wire.warnings] };
}

function hasRequestQuirks(quirks: ProviderQuirks): boolean {
  return (
    quirks.streamUsage ||
    quirks.requireToolParameters === true ||
    quirks.fileParts !== undefined ||
    quirks.dropParams.length > 0 ||
    hasKeys(quirks.roleMap) ||
    hasKeys(quirks.renameParams) ||
    hasKeys(quirks.defaultParams)
  );
}

function hasKeys(record: object): boolean {
  for (const key in record) if (Object.hasOwn(record, key)) return true;
  return false;
}
