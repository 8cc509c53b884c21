/** What a model takes or gives, as models.dev names it. */
export type ModelModality = 'text' | 'image' | 'audio' | 'video' | 'pdf';

/** USD per million tokens, as models.dev lists them (base prices; long-context tiers are not kept). */
export interface ModelPrices {
  readonly input: number;
  readonly output: number;
  readonly cacheRead?: number;
  readonly cacheWrite?: number;
}

/**
 * One model of one registry provider, from the models.dev catalogue snapshot
 * (`schemas/catalog/`). Values are the catalogue's: a limit of 0 means it gives none (image, audio
 * and video models); an optional field is absent when the catalogue does not say.
 */
export interface ModelInfo {
  /** Our registry id (`vertex_ai`), not models.dev's. */
  readonly provider: string;
  /** The model id as the provider serves it. */
  readonly id: string;
  /** Tokens of input and output together. */
  readonly contextWindow: number;
  readonly maxOutputTokens: number;
  readonly modalities: { readonly input: readonly ModelModality[]; readonly output: readonly ModelModality[] };
  readonly toolCall: boolean;
  readonly reasoning: boolean;
  /** Accepts file attachments. */
  readonly attachments: boolean;
  readonly openWeights: boolean;
  readonly structuredOutput?: boolean;
  /** Accepts `temperature`. */
  readonly temperature?: boolean;
  /** `YYYY-MM` or `YYYY-MM-DD`. */
  readonly knowledgeCutoff?: string;
  readonly releaseDate: string;
  readonly lastUpdated: string;
  readonly family?: string;
  readonly prices?: ModelPrices;
  readonly status?: 'alpha' | 'beta' | 'deprecated';
}
