import { jwtVerify, UnsecuredJWT } from 'jose';
import {
  AUDIENCE,
  claimsOf,
  hmacWithPublicKey,
  publicKeyPem,
  startTestIssuer,
  SUBJECT,
  type TestIssuer,
  unsignedToken,
} from './support/oidc-issuer';
import {
  DEMO_KEY,
  expectProblem,
  startTestGateway,
  type TestGateway,
} from './support/test-gateway';

/** Access tokens of a local OIDC issuer on loopback, alongside API keys. */
describe('sign-in with an OIDC access token', () => {
  let issuer: TestIssuer;
  let gateway: TestGateway;
  const sent: string[] = [];

  beforeAll(async () => {
    issuer = await startTestIssuer();
    gateway = await startTestGateway((config) => ({ ...config, oidc: issuer.gatewayConfig() }));
  });
  afterAll(async () => {
    await gateway.close();
    await issuer.close();
  });

  const listTeams = async (token: string) => {
    sent.push(token);
    const response = await gateway.request('GET', '/v1/teams', { key: token });
    return { status: response.status, teams: response.body?.items?.map((team: any) => team.key) };
  };
  const expectRefused = async (token: string) => {
    sent.push(token);
    const response = await gateway.request('GET', '/v1/teams', { key: token });
    expectProblem(response, 401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer');
  };
  const now = () => Math.floor(Date.now() / 1000);

  it('accepts a valid RS256 token and gives the teams its groups map to', async () => {
    expect(await listTeams(await issuer.sign())).toEqual({ status: 200, teams: ['acme'] });
  });

  it('accepts an ES256 token of the same issuer', async () => {
    const token = await issuer.sign({ groups: ['all-developers'] }, issuer.ecKey);
    expect(await listTeams(token)).toEqual({ status: 200, teams: ['acme', 'globex'] });
  });

  it('reads a groups claim that is a single string', async () => {
    const token = await issuer.sign({ groups: 'all-developers' });
    expect(await listTeams(token)).toEqual({ status: 200, teams: ['acme', 'globex'] });
  });

  it('still accepts API keys', async () => {
    expect(await listTeams(DEMO_KEY)).toEqual({ status: 200, teams: ['acme', 'globex'] });
  });

  it('fetches the key set once and then verifies from its cache', async () => {
    await listTeams(await issuer.sign());
    const fetches = issuer.jwksFetches();
    for (let i = 0; i < 3; i++) expect((await listTeams(await issuer.sign())).status).toBe(200);
    expect(issuer.jwksFetches()).toBe(fetches);
  });

  it('refuses an expired token, allowing only the configured clock skew', async () => {
    expect((await listTeams(await issuer.sign({ exp: now() - 10 }))).status).toBe(200);
    await expectRefused(await issuer.sign({ exp: now() - 120 }));
  });

  it('refuses a token that is not valid yet, allowing only the configured clock skew', async () => {
    expect((await listTeams(await issuer.sign({ nbf: now() + 10 }))).status).toBe(200);
    await expectRefused(await issuer.sign({ nbf: now() + 120 }));
  });

  it('refuses a token without an expiry or a subject', async () => {
    await expectRefused(await issuer.sign({ exp: undefined }));
    await expectRefused(await issuer.sign({ sub: undefined }));
  });

  it('refuses a token for another audience', async () => {
    await expectRefused(await issuer.sign({ aud: 'another-api' }));
    expect((await listTeams(await issuer.sign({ aud: ['another-api', AUDIENCE] }))).status).toBe(
      200,
    );
  });

  it('refuses a token of another issuer, even signed with a trusted key', async () => {
    await expectRefused(await issuer.sign({ iss: 'https://login.example.com' }));
  });

  it('refuses an unknown kid, then accepts it once the issuer publishes the rotated key', async () => {
    const rotated = await issuer.newKey('RS256', 'rsa-2');
    const token = await issuer.sign({}, rotated);
    await expectRefused(token);

    issuer.publish([rotated, issuer.ecKey]);
    expect(await listTeams(token)).toEqual({ status: 200, teams: ['acme'] });
    // The retired key left the set, so its tokens are refused from now on.
    await expectRefused(await issuer.sign());
    issuer.publish([issuer.rsaKey, issuer.ecKey]);
  });

  it('refuses an unsigned token (alg: none)', async () => {
    const token = unsignedToken(claimsOf(await issuer.sign()));
    expect(UnsecuredJWT.decode(token, { issuer: issuer.issuer }).payload.sub).toBe(SUBJECT);
    await expectRefused(token);
  });

  it("refuses HS256 signed with the issuer's public key (algorithm confusion)", async () => {
    const token = hmacWithPublicKey(claimsOf(await issuer.sign()), issuer.rsaKey);
    // A verifier that let the token choose its algorithm would accept it:
    const pem = new TextEncoder().encode(publicKeyPem(issuer.rsaKey));
    await expect(jwtVerify(token, pem, { issuer: issuer.issuer })).resolves.toBeDefined();
    await expectRefused(token);
  });

  it('refuses a token signed with a key the issuer never published', async () => {
    const stranger = await issuer.newKey('RS256', 'rsa-1');
    await expectRefused(await issuer.sign({}, stranger));
  });

  it('refuses a malformed token', async () => {
    const [, payload, signature] = (await issuer.sign()).split('.');
    await expectRefused(`bm90LWpzb24.${payload}.${signature}`);
    await expectRefused(`${Buffer.from('{"alg":"RS256"}').toString('base64url')}.bm90LWpzb24.c2ln`);
  });

  it('logs why a token was refused, and never a token', () => {
    const refusals = gateway.logs().filter((line) => line.msg === 'access token refused');
    expect(new Set(refusals.map((line) => line.reason))).toEqual(
      new Set([
        'ERR_JWT_EXPIRED',
        'ERR_JWT_CLAIM_VALIDATION_FAILED',
        'ERR_JWKS_NO_MATCHING_KEY',
        'ERR_JOSE_ALG_NOT_ALLOWED',
        'ERR_JWS_SIGNATURE_VERIFICATION_FAILED',
        'ERR_JWS_INVALID',
      ]),
    );
    const logText = gateway.logs().map((line) => JSON.stringify(line));
    const signatures = sent
      .flatMap((token) => token.split('.')[2] ?? [])
      .filter((part) => part.length > 8);
    expect(signatures.length).toBeGreaterThan(10);
    expect(signatures.filter((part) => logText.some((text) => text.includes(part)))).toEqual([]);
  });
});
