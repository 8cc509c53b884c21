import { ConfigurationError } from '../../errors/error-classes.js';
import type { AuthorizerInput } from '../dialect.js';
import { nonEmpty } from './resolve-bedrock-credentials.js';

/** Region used when nothing names one, as the registry's `{region}` default. */
export const DEFAULT_REGION = 'us-east-1';

/** `bedrock-runtime.<region>.amazonaws.com`, its FIPS and VPC-endpoint forms, and the China partition. */
const BEDROCK_HOST = /(?:^|\.)bedrock-runtime(?:-fips)?\.([a-z0-9-]+)\.(?:vpce\.)?amazonaws\.com(?:\.cn)?$/;

/**
 * The region a request is signed for. On an AWS host it is the host's region, since a signature
 * for another region is refused; when the configured region (`providers.<id>.aws.region`,
 * `AWS_REGION`, `AWS_DEFAULT_REGION`) disagrees with it, the call fails rather than go to the
 * wrong region, because the core fills the host from `AWS_REGION` or `urlVariables.region` only.
 * Elsewhere (a proxy, a test server) the configured region is used, else us-east-1.
 */
export function resolveSigningRegion(url: string, input: AuthorizerInput): string {
  const { override, env, providerId } = input;
  const fromOption = nonEmpty(override?.aws?.region);
  const configured = fromOption ?? nonEmpty(env.AWS_REGION) ?? nonEmpty(env.AWS_DEFAULT_REGION);
  const urlRegion = nonEmpty(override?.urlVariables?.region);
  const host = new URL(url).hostname;
  const hostRegion = BEDROCK_HOST.exec(host)?.[1];
  if (hostRegion === undefined) return configured ?? urlRegion ?? DEFAULT_REGION;
  if (urlRegion === undefined && configured !== undefined && configured !== hostRegion) {
    const source =
      fromOption !== undefined ? `providers.${providerId}.aws.region` : nonEmpty(env.AWS_REGION) !== undefined ? 'AWS_REGION' : 'AWS_DEFAULT_REGION';
    throw new ConfigurationError(
      `${providerId}: ${source} says ${configured} but requests go to ${host}; set AWS_REGION or providers.${providerId}.urlVariables.region to ${configured} so the host and the signature agree`,
      { provider: providerId },
    );
  }
  return hostRegion;
}
