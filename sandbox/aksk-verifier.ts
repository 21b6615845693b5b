import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { computeSignature, SIGNING_ALGORITHM } from '../src/upstream/auth/aksk-signer';

/** An access key the sandbox issued, and the project its owner may use. */
export interface SandboxAccessKey {
  secretKey: string;
  /** Set for temporary credentials, which must send it as `X-Security-Token`. */
  securityToken?: string;
  projectId: string;
}

export type AkSkCheck =
  | { ok: true; key: SandboxAccessKey; projectHeader: string }
  | { ok: false; code: 'APIGW.0301' | 'APIGW.0303'; reason: string };

const AUTHORIZATION = new RegExp(
  `^${SIGNING_ALGORITHM} Access=([^,\\s]+), SignedHeaders=([a-z0-9;-]+), Signature=([0-9a-f]{64})$`,
);
const SDK_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;
const MAX_CLOCK_SKEW_MS = 15 * 60_000;

export function isAkSkRequest(request: FastifyRequest): boolean {
  return request.headers.authorization?.startsWith(`${SIGNING_ALGORITHM} `) ?? false;
}

/**
 * What Huawei's API gateway checks of a signed request, recomputed from the request exactly as it
 * arrived: method, raw path and query, the received values of the signed headers, the raw body.
 */
export function verifyAkSk(
  request: FastifyRequest,
  keys: ReadonlyMap<string, SandboxAccessKey>,
  now = new Date(),
): AkSkCheck {
  const match = AUTHORIZATION.exec(request.headers.authorization ?? '');
  if (!match) return fail('APIGW.0301', 'malformed SDK-HMAC-SHA256 authorization');
  const [, accessKey, signedHeaderList, signature] = match;
  const signedHeaders = signedHeaderList.split(';');
  if (!signedHeaders.includes('host') || !signedHeaders.includes('x-sdk-date')) {
    return fail('APIGW.0301', 'host and x-sdk-date must be signed');
  }
  const date = header(request, 'x-sdk-date');
  const signedAt = parseSdkDate(date);
  if (signedAt === undefined) return fail('APIGW.0301', 'x-sdk-date is missing or malformed');
  if (Math.abs(now.getTime() - signedAt) > MAX_CLOCK_SKEW_MS) {
    return fail('APIGW.0303', 'the request time differs from the server time by over 15 minutes');
  }
  const key = keys.get(accessKey);
  if (!key) return fail('APIGW.0301', 'ak not found');
  if (key.securityToken !== undefined) {
    const token = header(request, 'x-security-token');
    if (token !== key.securityToken || !signedHeaders.includes('x-security-token')) {
      return fail('APIGW.0301', 'security token invalid');
    }
  }

  const headers: Record<string, string> = {};
  for (const name of signedHeaders) {
    const value = header(request, name);
    if (value === undefined) return fail('APIGW.0301', `signed header ${name} is missing`);
    headers[name] = value;
  }
  const [path, query = ''] = request.url.split(/\?(.*)/s, 2);
  const expected = computeSignature(
    {
      method: request.method,
      path,
      query: new URLSearchParams(query),
      headers,
      body: typeof request.body === 'string' ? request.body : '',
      date: date!,
    },
    key.secretKey,
  );
  if (expected.signedHeaders !== signedHeaderList || !sameHex(expected.value, signature)) {
    return fail('APIGW.0301', 'verify aksk signature fail');
  }
  return { ok: true, key, projectHeader: headers['x-project-id'] ?? '' };
}

function fail(code: 'APIGW.0301' | 'APIGW.0303', reason: string): AkSkCheck {
  return { ok: false, code, reason };
}

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

function parseSdkDate(value: string | undefined): number | undefined {
  const parts = SDK_DATE.exec(value ?? '');
  if (!parts) return undefined;
  const [, y, mo, d, h, mi, s] = parts.map(Number);
  const time = Date.UTC(y, mo - 1, d, h, mi, s);
  return Number.isNaN(time) ? undefined : time;
}

function sameHex(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
}
