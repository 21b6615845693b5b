import { requestFingerprint } from './request-fingerprint';

const PATH = '/v1/teams/acme/applications/rainbond:region-1:1/install';
const BODY = { market: { url: 'https://hub.grapps.cn', domain: 'rainbond' }, appModelId: 'a1' };

describe('requestFingerprint', () => {
  const base = requestFingerprint('POST', PATH, BODY);

  it('is a SHA-256 hex digest, equal for equal requests', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(requestFingerprint('post', PATH, structuredClone(BODY))).toBe(base);
  });

  it('ignores the order of object keys, at every depth', () => {
    const reordered = {
      appModelId: 'a1',
      market: { domain: 'rainbond', url: 'https://hub.grapps.cn' },
    };
    expect(requestFingerprint('POST', PATH, reordered)).toBe(base);
  });

  it('ignores the order of query parameters', () => {
    expect(requestFingerprint('POST', `${PATH}?view=full&b=1`, BODY)).toBe(
      requestFingerprint('POST', `${PATH}?b=1&view=full`, BODY),
    );
  });

  it.each([
    ['method', () => requestFingerprint('PUT', PATH, BODY)],
    ['path', () => requestFingerprint('POST', PATH.replace(':1/', ':2/'), BODY)],
    ['query', () => requestFingerprint('POST', `${PATH}?view=full`, BODY)],
    [
      'a nested value',
      () => requestFingerprint('POST', PATH, { ...BODY, market: { ...BODY.market, domain: 'x' } }),
    ],
    ['a value type', () => requestFingerprint('POST', PATH, { ...BODY, appModelId: 1 })],
    ['a missing body', () => requestFingerprint('POST', PATH, undefined)],
  ])('changes with the %s', (_, other) => {
    expect(other()).not.toBe(base);
  });

  it('tells an array order apart', () => {
    expect(requestFingerprint('POST', PATH, { list: [1, 2] })).not.toBe(
      requestFingerprint('POST', PATH, { list: [2, 1] }),
    );
  });
});
