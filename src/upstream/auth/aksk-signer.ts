import { createHash, createHmac } from 'node:crypto';
import { percentEncode } from '../http/upstream-http';

/**
 * Huawei Cloud API gateway request signing (`SDK-HMAC-SHA256`), computed as the official Node SDK
 * (`@huaweicloud/huaweicloud-sdk-core`, AKSKSigner) computes it; a property test holds the two
 * equal. For JSON bodies only (the SDK signs other bodies as UNSIGNED-PAYLOAD).
 */
export interface AkSkCredentials {
  accessKey: string;
  secretKey: string;
  /** Temporary credentials only; sent and signed as `X-Security-Token`. */
  securityToken?: string;
}

export interface SignableRequest {
  method: string;
  /** Absolute URL with the query string, exactly as it will be sent. */
  url: string;
  /** Headers that will be sent and signed; names `[a-z0-9-]`, any case. */
  headers: Record<string, string>;
  /** The exact body text ('' for none). */
  body: string;
}

export const SIGNING_ALGORITHM = 'SDK-HMAC-SHA256';
const EMPTY_BODY_SHA256 = sha256Hex('');

/** Headers to add: `X-Sdk-Date`, `Authorization` and, for temporary credentials, `X-Security-Token`. */
export function signRequest(
  request: SignableRequest,
  credentials: AkSkCredentials,
  now: Date,
): Record<string, string> {
  const date = sdkDate(now);
  const added: Record<string, string> = { 'x-sdk-date': date };
  if (credentials.securityToken) added['x-security-token'] = credentials.securityToken;
  const url = new URL(request.url);
  const signature = computeSignature(
    {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers: { ...request.headers, ...added, host: url.host },
      body: request.body,
      date,
    },
    credentials.secretKey,
  );
  added.authorization = `${SIGNING_ALGORITHM} Access=${credentials.accessKey}, SignedHeaders=${signature.signedHeaders}, Signature=${signature.value}`;
  return added;
}

export interface SigningInput {
  method: string;
  /** The path as sent, percent-encoding kept. */
  path: string;
  query: URLSearchParams;
  /** Every signed header, `host` and `x-sdk-date` included. */
  headers: Record<string, string>;
  body: string;
  /** `X-Sdk-Date`: YYYYMMDDTHHMMSSZ. */
  date: string;
}

/** The signature over a request; also what a verifier recomputes from a request it received. */
export function computeSignature(
  input: SigningInput,
  secretKey: string,
): { signedHeaders: string; value: string } {
  const headers = Object.entries(input.headers)
    .map(([name, value]) => [name.toLowerCase(), value] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const signedHeaders = headers.map(([name]) => name).join(';');
  const canonicalRequest = [
    input.method,
    canonicalUri(input.path),
    canonicalQuery(input.query),
    headers.map(([name, value]) => `${name}:${value}\n`).join(''),
    signedHeaders,
    input.body === '' ? EMPTY_BODY_SHA256 : sha256Hex(input.body),
  ].join('\n');
  const stringToSign = [SIGNING_ALGORITHM, input.date, sha256Hex(canonicalRequest)].join('\n');
  return {
    signedHeaders,
    value: createHmac('sha256', secretKey).update(stringToSign).digest('hex'),
  };
}

/** `20250101T080910Z` */
export function sdkDate(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');
}

/**
 * Each segment of the path as sent is encoded again, ending with `/`, as the SDK does. (The SDK
 * reads the path with the legacy url.parse, which also escapes `'`: our paths never hold one.)
 */
function canonicalUri(path: string): string {
  const encoded = path.split('/').map(percentEncode).join('/');
  return encoded.endsWith('/') ? encoded : `${encoded}/`;
}

/** Keys sorted; a key's repeated values sorted; keys and values encoded. */
function canonicalQuery(query: URLSearchParams): string {
  const keys = [...new Set(query.keys())].sort();
  return keys
    .flatMap((key) =>
      query
        .getAll(key)
        .sort()
        .map((value) => `${percentEncode(key)}=${percentEncode(value)}`),
    )
    .join('&');
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
