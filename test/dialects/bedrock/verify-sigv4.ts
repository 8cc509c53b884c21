// An independent SigV4 check for tests, on node:crypto and written from AWS's description of the
// algorithm (not from aws4fetch): recomputes the signature of a request as the server received it.
import { createHash, createHmac } from 'node:crypto';
import type { RecordedRequest } from '../../support/mock-server.js';

export interface SigV4Check {
  readonly canonicalRequest: string;
  readonly expectedSignature: string;
  readonly actualSignature: string | undefined;
  readonly credentialScope: string | undefined;
  readonly signedHeaders: string | undefined;
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const hmac = (key: Buffer | string, text: string): Buffer => createHmac('sha256', key).update(text, 'utf8').digest();

/** Non-S3 canonical URI: every path segment, already URL-encoded on the wire, is encoded once more. */
export function canonicalUri(path: string): string {
  return path
    .split('/')
    .map((segment) => encodeURIComponent(segment).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`))
    .join('/');
}

export function checkSigV4(request: RecordedRequest, secretAccessKey: string, region: string, service: string): SigV4Check {
  const authorization = String(request.headers.authorization ?? '');
  const match = /^AWS4-HMAC-SHA256 Credential=([^,]+), SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(authorization);
  const signedHeaders = match?.[2];
  const names = (signedHeaders ?? 'host;x-amz-date').split(';');
  const canonicalHeaders = names.map((name) => `${name}:${String(request.headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const query = [...request.query.entries()]
    .map(([key, value]) => [encodeURIComponent(key), encodeURIComponent(value)])
    .sort(([a], [b]) => (a! < b! ? -1 : 1))
    .map(([key, value]) => `${key}=${value}`)
    .join('&');
  const canonicalRequest = [request.method, canonicalUri(request.path), query, canonicalHeaders, names.join(';'), sha256(request.bodyText)].join('\n');
  const datetime = String(request.headers['x-amz-date'] ?? '');
  const date = datetime.slice(0, 8);
  const scope = `${date}/${region}/${service}/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', datetime, scope, sha256(canonicalRequest)].join('\n');
  const key = hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, date), region), service), 'aws4_request');
  return {
    canonicalRequest,
    expectedSignature: createHmac('sha256', key).update(stringToSign, 'utf8').digest('hex'),
    actualSignature: match?.[3],
    credentialScope: match?.[1],
    signedHeaders,
  };
}
