import { AwsV4Signer } from 'aws4fetch';
import { resolveSubtleCrypto } from '../../transport/resolve-subtle-crypto.js';

export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string | undefined;
}

export interface SignAwsRequestInput {
  readonly method: string;
  readonly url: string;
  /** The headers to sign besides `host` (and the `x-amz-*` headers signing adds). */
  readonly headers: Readonly<Record<string, string>>;
  /** The exact body that will be sent: its SHA-256 is part of the signature. */
  readonly body: string | undefined;
  readonly service: string;
  readonly region: string;
  readonly credentials: AwsCredentials;
  /** `YYYYMMDDTHHMMSSZ`; now when absent. */
  readonly datetime?: string | undefined;
  /** Derived signing keys per date, region and service, kept by the caller across requests. */
  readonly cache?: Map<string, ArrayBuffer> | undefined;
  /** Named in the error when the runtime cannot sign. */
  readonly provider?: string | undefined;
}

/**
 * AWS Signature Version 4 headers for one request: `authorization`, `x-amz-date` and, with
 * temporary credentials, `x-amz-security-token`. Signing is done by aws4fetch (Web Crypto, no
 * dependencies); for services other than S3 it encodes each path segment once more in the
 * canonical URI, as SigV4 requires, so `/model/a%3Ab/converse` is signed as `/model/a%253Ab/converse`.
 */
export async function signAwsRequest(input: SignAwsRequestInput): Promise<Record<string, string>> {
  // aws4fetch hashes and signs with crypto.subtle; without it, say why rather than fail inside it.
  resolveSubtleCrypto('AWS SigV4 signing', input.provider);
  const signer = new AwsV4Signer({
    method: input.method,
    url: input.url,
    headers: input.headers,
    body: input.body ?? '',
    accessKeyId: input.credentials.accessKeyId,
    secretAccessKey: input.credentials.secretAccessKey,
    ...(input.credentials.sessionToken === undefined ? {} : { sessionToken: input.credentials.sessionToken }),
    service: input.service,
    region: input.region,
    // Every header given is signed, content-type included: the caller chose them.
    allHeaders: true,
    ...(input.datetime === undefined ? {} : { datetime: input.datetime }),
    ...(input.cache === undefined ? {} : { cache: input.cache }),
  });
  const signed = await signer.sign();
  const result: Record<string, string> = {};
  for (const name of ['authorization', 'x-amz-date', 'x-amz-security-token']) {
    const value = signed.headers.get(name);
    if (value !== null) result[name] = value;
  }
  return result;
}
