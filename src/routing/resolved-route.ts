import type { ResolvedProvider } from './resolved-provider.js';

/** Where one call goes: a resolved provider and the model id it will be sent. */
export interface ResolvedRoute {
  readonly provider: ResolvedProvider;
  /** The model id sent on the wire (routing prefix removed, except for a gateway). */
  readonly model: string;
}
