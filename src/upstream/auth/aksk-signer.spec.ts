import { AKSKSigner } from '@huaweicloud/huaweicloud-sdk-core/auth/AKSKSigner';
import fc from 'fast-check';
import { encodePathSegment } from '../http/upstream-http';
import { computeSignature, sdkDate, signRequest, type AkSkCredentials } from './aksk-signer';

const CREDENTIALS: AkSkCredentials = {
  accessKey: 'QTWAOYTTINDUT2QVKYUC',
  secretKey: 'MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc',
};

/** The official SDK's signature for the same request, as the SDK's HcClient hands it over. */
function officialAuthorization(
  input: {
    method: string;
    origin: string;
    path: string;
    query: [string, string][];
    headers: Record<string, string>;
    data?: object;
  },
  credentials: AkSkCredentials,
  date: string,
): string {
  const queryParams: Record<string, string | string[]> = {};
  for (const [key, value] of input.query) {
    queryParams[key] = Object.hasOwn(queryParams, key)
      ? ([] as string[]).concat(queryParams[key], value)
      : value;
  }
  const headers: Record<string, string> = { ...input.headers, 'X-Sdk-Date': date };
  if (credentials.securityToken) headers['X-Security-Token'] = credentials.securityToken;
  const signed = AKSKSigner.sign(
    {
      endpoint: input.origin + input.path,
      method: input.method,
      headers,
      queryParams,
      data: input.data,
    },
    { getAk: () => credentials.accessKey, getSk: () => credentials.secretKey } as never,
  ) as Record<string, string>;
  return signed.Authorization;
}

function ourAuthorization(
  input: Parameters<typeof officialAuthorization>[0],
  credentials: AkSkCredentials,
  now: Date,
): Record<string, string> {
  const query = input.query
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  return signRequest(
    {
      method: input.method,
      url: input.origin + input.path + (query ? `?${query}` : ''),
      headers: input.headers,
      body: input.data === undefined ? '' : JSON.stringify(input.data),
    },
    credentials,
    now,
  );
}

/** Path segments as the gateway's encodePath writes them. */
const segment = fc
  .string({ unit: 'grapheme', maxLength: 12 })
  .filter((text) => text !== '.' && text !== '..')
  .map(encodePathSegment);
const headerName = fc
  .stringMatching(/^[a-z][a-z0-9-]{0,15}$/)
  .filter((name) => !['host', 'x-sdk-date', 'x-security-token', 'authorization'].includes(name));
const request = fc.record({
  method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE'),
  origin: fc.constantFrom(
    'https://workspace.cn-north-4.myhuaweicloud.com',
    'http://127.0.0.1:41234',
    'https://appstream.ap-southeast-1.myhuaweicloud.com:8443',
  ),
  path: fc
    .tuple(fc.array(segment, { minLength: 1, maxLength: 5 }), fc.boolean())
    .map(([segments, trailingSlash]) => `/${segments.join('/')}${trailingSlash ? '/' : ''}`),
  query: fc.array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom('limit', 'offset', 'name'),
        fc.string({ minLength: 1, maxLength: 8 }),
      ),
      fc.string({ unit: 'grapheme', maxLength: 10 }),
    ),
    { maxLength: 5 },
  ),
  headers: fc.dictionary(headerName, fc.string({ unit: 'grapheme-ascii', maxLength: 20 }), {
    maxKeys: 5,
  }),
  data: fc.option(fc.object(), { nil: undefined }),
});
const instant = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2099-12-31T23:59:59Z'),
  noInvalidDate: true,
});

describe('signRequest (SDK-HMAC-SHA256)', () => {
  it('produces the Authorization of the official Huawei Cloud SDK signer for any request', () => {
    fc.assert(
      fc.property(
        request,
        instant,
        fc.option(fc.base64String({ minLength: 8 })),
        (input, now, token) => {
          const credentials = { ...CREDENTIALS, securityToken: token ?? undefined };
          const ours = ourAuthorization(input, credentials, now);
          expect(ours.authorization).toBe(officialAuthorization(input, credentials, sdkDate(now)));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('signs a known request to this exact value', () => {
    const headers = signRequest(
      {
        method: 'POST',
        url: 'https://workspace.cn-north-4.myhuaweicloud.com/v1/0123456789abcdef0123456789abcdef/app-center/apps',
        headers: {
          'content-type': 'application/json',
          'x-project-id': '0123456789abcdef0123456789abcdef',
        },
        body: '{"name":"notepad"}',
      },
      CREDENTIALS,
      new Date('2025-01-02T03:04:05.678Z'),
    );
    expect(headers).toEqual({
      'x-sdk-date': '20250102T030405Z',
      authorization:
        'SDK-HMAC-SHA256 Access=QTWAOYTTINDUT2QVKYUC, SignedHeaders=content-type;host;x-project-id;x-sdk-date, ' +
        `Signature=${expectedKnownSignature()}`,
    });
  });

  it('adds and signs X-Security-Token for temporary credentials', () => {
    const headers = signRequest(
      { method: 'GET', url: 'http://127.0.0.1:1/v1/p/apps', headers: {}, body: '' },
      { ...CREDENTIALS, securityToken: 'temporary-token' },
      new Date('2025-01-02T03:04:05Z'),
    );
    expect(headers['x-security-token']).toBe('temporary-token');
    expect(headers.authorization).toContain('SignedHeaders=host;x-sdk-date;x-security-token,');
  });

  it('changes the signature when any signed part changes', () => {
    const base = {
      method: 'POST',
      path: '/v1/p/apps',
      query: new URLSearchParams('a=1'),
      headers: { host: 'h', 'x-sdk-date': '20250102T030405Z' },
      body: '{}',
      date: '20250102T030405Z',
    };
    const signature = (input: typeof base, sk = 'sk') => computeSignature(input, sk).value;
    const variants = [
      signature({ ...base, method: 'PUT' }),
      signature({ ...base, path: '/v1/p/apps/' + 'x' }),
      signature({ ...base, query: new URLSearchParams('a=2') }),
      signature({ ...base, headers: { ...base.headers, host: 'other' } }),
      signature({ ...base, body: '{ }' }),
      signature(base, 'other-sk'),
    ];
    expect(new Set([signature(base), ...variants]).size).toBe(variants.length + 1);
  });
});

/** Computed independently of signRequest, from the documented steps, for the known request. */
function expectedKnownSignature(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash, createHmac } = require('node:crypto') as typeof import('node:crypto');
  const hex = (text: string) => createHash('sha256').update(text).digest('hex');
  const canonical = [
    'POST',
    '/v1/0123456789abcdef0123456789abcdef/app-center/apps/',
    '',
    'content-type:application/json\nhost:workspace.cn-north-4.myhuaweicloud.com\n' +
      'x-project-id:0123456789abcdef0123456789abcdef\nx-sdk-date:20250102T030405Z\n',
    'content-type;host;x-project-id;x-sdk-date',
    hex('{"name":"notepad"}'),
  ].join('\n');
  return createHmac('sha256', CREDENTIALS.secretKey)
    .update(`SDK-HMAC-SHA256\n20250102T030405Z\n${hex(canonical)}`)
    .digest('hex');
}
