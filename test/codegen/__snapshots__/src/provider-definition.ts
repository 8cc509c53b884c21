/**
 * Not a snapshot. The snapshot trees beside this folder are complete `generated/` trees whose provider
 * modules import `../../src/provider-definition.js`; this re-export makes that path resolve, so that
 * `tsc` type-checks every snapshot against the real `ProviderDefinition`.
 */
export type * from '../../../../src/provider-definition.js';
