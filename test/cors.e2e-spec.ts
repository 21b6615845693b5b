import { startTestIssuer, type TestIssuer } from './support/oidc-issuer';
import { DEMO_KEY, startTestGateway, type TestGateway } from './support/test-gateway';

const PORTAL = 'https://portal.example.com';
const DEV_PORTAL = 'http://localhost:5173';
const STRANGER = 'https://evil.example.net';

/** Browsers on the configured front-end origins may call; no other origin gets CORS headers. */
describe('CORS for configured front-end origins', () => {
  let issuer: TestIssuer;
  let gateway: TestGateway;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    gateway = await startTestGateway((config) => ({
      ...config,
      oidc: issuer.gatewayConfig(),
      cors: { origins: [PORTAL, DEV_PORTAL], maxAgeSeconds: 900, credentials: false },
    }));
  });
  afterAll(async () => {
    await gateway.close();
    await issuer.close();
  });

  const preflight = (origin: string, requestHeaders = 'authorization, content-type') =>
    gateway.request('OPTIONS', '/v1/teams/acme/applications', {
      key: null,
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': requestHeaders,
      },
    });

  it('answers the preflight of an allowed origin, cacheable for the configured time', async () => {
    for (const origin of [PORTAL, DEV_PORTAL]) {
      const response = await preflight(origin);
      expect(response.status).toBe(204);
      const headers = Object.fromEntries(response.headers.entries());
      expect(headers).toMatchObject({
        'access-control-allow-origin': origin,
        'access-control-allow-methods': 'GET, POST',
        'access-control-max-age': '900',
      });
      expect(headers.vary).toMatch(/origin/i);
      expect(headers['access-control-allow-headers'].toLowerCase().split(', ')).toEqual(
        expect.arrayContaining([
          'authorization',
          'content-type',
          'idempotency-key',
          'x-request-id',
          'traceparent',
        ]),
      );
      expect(headers['access-control-allow-credentials']).toBeUndefined();
    }
  });

  it('refuses the preflight of any other origin', async () => {
    for (const origin of [
      STRANGER,
      `${PORTAL}.evil.example.net`,
      'null',
      'http://portal.example.com',
    ]) {
      const response = await preflight(origin);
      expect(response.status).toBe(404);
      const corsHeaders = [...response.headers.keys()].filter((name) =>
        name.startsWith('access-control-'),
      );
      expect(corsHeaders).toEqual([]);
    }
  });

  it('lets an allowed origin read the answer and its exposed headers', async () => {
    const token = await issuer.sign();
    const response = await gateway.request('GET', '/v1/teams', {
      key: token,
      headers: { origin: PORTAL },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(response.headers.get('access-control-expose-headers')).toBe(
      'X-Request-Id, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Retry-After, Idempotent-Replayed, ETag',
    );
  });

  it('gives no CORS headers to another origin or to a service without one', async () => {
    for (const headers of [{ origin: STRANGER }, {}] as Record<string, string>[]) {
      const response = await gateway.request('GET', '/v1/teams', { key: DEMO_KEY, headers });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBeNull();
    }
  });
});

describe('without a cors section', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());

  it('answers no preflight at all', async () => {
    const response = await gateway.request('OPTIONS', '/v1/teams', {
      key: null,
      headers: { origin: PORTAL, 'access-control-request-method': 'GET' },
    });
    // OPTIONS is then a method the route does not serve.
    expect(response.status).toBe(405);
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
  });
});
