import type { Model, ModelsListResponse } from '../../generated/types/index.js';

/** A model of a cross-provider listing: `id` is `provider/model`, ready to pass as `model`. */
export interface ProviderModel extends Model {
  /** The registry provider that listed it (absent in a gateway's own listing). */
  readonly provider?: string;
}

/** A provider whose listing failed; the others are still returned. */
export interface ListModelsFailure {
  readonly provider: string;
  /** The error the call threw (a `LiterLlmError` unless a custom middleware threw something else). */
  readonly error: unknown;
}

/**
 * `listModels()` without a provider: the models of every provider with credentials configured
 * (or of the gateway), and the providers that failed. `errors` is empty when all succeeded.
 */
export interface AllModelsListResponse {
  readonly object: 'list';
  readonly data: ProviderModel[];
  readonly errors: ListModelsFailure[];
}

/**
 * Lists the models of several providers in parallel; a failure is recorded in `errors` instead of
 * failing the whole listing. Providers keep their order; so do the models of each.
 */
export async function listModelsAcrossProviders(
  providerIds: readonly string[],
  list: (providerId: string) => Promise<ModelsListResponse>,
): Promise<AllModelsListResponse> {
  const settled = await Promise.allSettled(providerIds.map((id) => list(id)));
  const data: ProviderModel[] = [];
  const errors: ListModelsFailure[] = [];
  settled.forEach((outcome, index) => {
    const provider = providerIds[index] as string;
    if (outcome.status === 'rejected') {
      errors.push({ provider, error: outcome.reason });
      return;
    }
    for (const model of outcome.value.data) data.push({ ...model, id: `${provider}/${model.id}`, provider });
  });
  return { object: 'list', data, errors };
}
