import { INSTALL_EXAMPLE, PUBLISH_EXAMPLES } from '../src/applications/applications.examples';
import { SANDBOX_TARGETS } from '../sandbox/sandbox-faults';
import { sampleValue } from './support/metrics-text';
import { startTestIssuer, SUBJECT, type TestIssuer } from './support/oidc-issuer';
import { expectProblem, startTestGateway, type TestGateway } from './support/test-gateway';

/** What a signed-in user may do: the same team rules as services, and nothing of them goes upstream. */
describe('requests of a signed-in user', () => {
  let issuer: TestIssuer;
  let gateway: TestGateway;
  let token: string;

  beforeAll(async () => {
    issuer = await startTestIssuer();
    gateway = await startTestGateway((config) => ({
      ...config,
      rateLimit: { requestsPerWindow: 100, windowSeconds: 60 },
      oidc: issuer.gatewayConfig({ callerName: 'portal-user', requestsPerWindow: 8 }),
    }));
    token = await issuer.sign({ groups: ['acme-developers', 'unmapped-group'] });
  });
  afterAll(async () => {
    await gateway.close();
    await issuer.close();
  });

  it('uses the teams its groups map to, upstream calls included', async () => {
    const publish = await gateway.request('POST', '/v1/teams/acme/applications', {
      key: token,
      body: PUBLISH_EXAMPLES.appWarehouse.value,
    });
    expect(publish.status).toBe(201);
    const install = await gateway.request(
      'POST',
      '/v1/teams/acme/applications/rainbond:region-1:1/install',
      { key: token, body: INSTALL_EXAMPLE.value },
    );
    expect(install.status).toBe(200);
  });

  it('gets 404 for a team none of its groups maps to, as the copy target too', async () => {
    const publish = await gateway.request('POST', '/v1/teams/globex/applications', {
      key: token,
      body: PUBLISH_EXAMPLES.appCenter.value,
    });
    const problem = expectProblem(publish, 404);
    expect(problem.type).toBe('https://gateway.internal/problems/team-not-found');
    expect(problem.detail).toBe('Team "globex" was not found.');
    const copy = await gateway.request(
      'POST',
      '/v1/teams/acme/applications/rainbond:region-1:1/copy',
      {
        key: token,
        body: { target: { team: 'globex', applicationId: 'rainbond:region-1:2' } },
      },
    );
    expectProblem(copy, 404);
  });

  it('has no team at all without a groups claim', async () => {
    const groupless = await issuer.sign({ groups: undefined });
    expect((await gateway.request('GET', '/v1/teams', { key: groupless })).body).toEqual({
      items: [],
    });
    const publish = await gateway.request('POST', '/v1/teams/acme/applications', {
      key: groupless,
      body: PUBLISH_EXAMPLES.appCenter.value,
    });
    expectProblem(publish, 404);
  });

  it('logs the user as the configured caller name plus its subject', () => {
    const lines = gateway.logs().filter((line) => line.msg === 'request completed');
    expect(lines.length).toBeGreaterThan(3);
    for (const line of lines) {
      expect({ caller: line.caller, subject: line.subject }).toEqual({
        caller: 'portal-user',
        subject: SUBJECT,
      });
    }
  });

  it('sends neither its token nor its subject to any upstream', () => {
    const called = SANDBOX_TARGETS.filter((target) => gateway.sandbox.calls(target).length > 0);
    expect(called.sort()).toEqual(['app-warehouse', 'iam', 'rainbond']);
    const seen = called.flatMap((target) =>
      gateway.sandbox.calls(target).map((call) => JSON.stringify(call)),
    );
    // The recorder sees Authorization headers: had the user's been passed on, it would show.
    expect(gateway.sandbox.calls('rainbond')[0].headers.authorization).toBeTruthy();
    const signature = token.split('.')[2];
    for (const secret of [token, signature, SUBJECT]) {
      expect(seen.filter((text) => text.includes(secret))).toEqual([]);
    }
  });

  it('has a rate limit of its own, per user, counted under the caller name only', async () => {
    const other = await issuer.sign({ sub: 'another-user' });
    let status = 200;
    for (let i = 0; i < 10 && status === 200; i++) {
      status = (await gateway.request('GET', '/v1/teams', { key: token })).status;
    }
    expect(status).toBe(429);
    const response = await gateway.request('GET', '/v1/teams', { key: other });
    expect(response.status).toBe(200);
    expect(response.headers.get('ratelimit-limit')).toBe('8');

    const metrics = await (
      await fetch(`${gateway.url.replace('[::1]', '127.0.0.1')}/metrics`)
    ).text();
    expect(
      sampleValue(metrics, 'gateway_rate_limit_rejections_total', { caller: 'portal-user' }),
    ).toBe(1);
    expect(metrics).not.toContain(SUBJECT);
  });
});
