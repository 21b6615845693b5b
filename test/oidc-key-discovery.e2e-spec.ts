import { startTestIssuer, type TestIssuer } from './support/oidc-issuer';
import { expectProblem, startTestGateway, type TestGateway } from './support/test-gateway';

/** Where the gateway gets the provider's keys, and what a caller sees when it cannot. */
describe('OIDC signing keys', () => {
  let issuer: TestIssuer;

  beforeAll(async () => {
    issuer = await startTestIssuer();
  });
  afterAll(() => issuer.close());

  describe('without a configured jwksUri', () => {
    let gateway: TestGateway;

    beforeAll(async () => {
      gateway = await startTestGateway((config) => ({
        ...config,
        oidc: issuer.gatewayConfig({ jwksUri: undefined }),
      }));
    });
    afterAll(() => gateway.close());

    it('refuses to use a discovery document that names another issuer, with 503', async () => {
      issuer.discoveryIssuer('https://login.example.com');
      const response = await gateway.request('GET', '/v1/teams', { key: await issuer.sign() });
      expect(expectProblem(response, 503).type).toMatch(/token-verification-unavailable$/);
      expect(issuer.jwksFetches()).toBe(0);
      issuer.discoveryIssuer(undefined);
    });

    it("takes the key set from the issuer's discovery document", async () => {
      const response = await gateway.request('GET', '/v1/teams', { key: await issuer.sign() });
      expect(response.status).toBe(200);
      expect(issuer.jwksFetches()).toBe(1);
    });
  });

  describe('when the key set cannot be fetched', () => {
    let gateway: TestGateway;

    beforeAll(async () => {
      gateway = await startTestGateway((config) => ({
        ...config,
        oidc: issuer.gatewayConfig({ jwksCooldownSeconds: 0 }),
      }));
    });
    afterAll(() => gateway.close());

    it('answers 503 with Retry-After rather than calling the token invalid, and recovers', async () => {
      issuer.failJwks(500);
      const token = await issuer.sign();
      const refused = await gateway.request('GET', '/v1/teams', { key: token });
      expectProblem(refused, 503);
      expect(refused.headers.get('retry-after')).toBe('1');
      expect(gateway.logs().some((line) => line.msg === 'cannot fetch the OIDC signing keys')).toBe(
        true,
      );

      issuer.failJwks(undefined);
      expect((await gateway.request('GET', '/v1/teams', { key: token })).status).toBe(200);
    });
  });
});
