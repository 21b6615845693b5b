import {
  ACME_ONLY_KEY,
  expectProblem,
  startTestGateway,
  type TestGateway,
} from './support/test-gateway';

describe('GET /v1/teams', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());

  it('lists the teams the caller may use, without any credential', async () => {
    const response = await gateway.request('GET', '/v1/teams');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      items: [
        {
          key: 'acme',
          displayName: 'Acme Corp',
          providers: ['rainbond', 'app-center', 'app-warehouse'],
          rainbondRegions: ['region-1', 'region-2'],
        },
        {
          key: 'globex',
          displayName: 'Globex',
          providers: ['rainbond', 'app-center', 'app-warehouse'],
          rainbondRegions: ['region-1'],
        },
      ],
    });
    const text = JSON.stringify(response.body);
    for (const secret of [
      ...Object.values(gateway.sandbox.secrets.rainbondTokens),
      ...Object.values(gateway.sandbox.secrets.iamPasswords),
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('refuses a query parameter: the route has none', async () => {
    const response = await gateway.request('GET', '/v1/teams?provider=rainbond');
    expect(expectProblem(response, 400)).toMatchObject({
      errorCount: 1,
      errors: [{ field: 'provider', message: 'is not a known field' }],
    });
  });

  it('lists only the teams of a narrower caller', async () => {
    const response = await gateway.request('GET', '/v1/teams', { key: ACME_ONLY_KEY });
    expect(response.body.items.map((team: { key: string }) => team.key)).toEqual(['acme']);
  });

  it('answers 401 problem without a key, with a malformed header, and with an unknown key', async () => {
    expectProblem(await gateway.request('GET', '/v1/teams', { key: null }), 401);
    expectProblem(
      await gateway.request('GET', '/v1/teams', {
        key: null,
        headers: { authorization: 'Basic Zm9vOmJhcg==' },
      }),
      401,
    );
    expectProblem(await gateway.request('GET', '/v1/teams', { key: 'unknown' }), 401);
  });

  it('echoes a valid X-Request-Id and replaces an invalid one', async () => {
    const kept = await gateway.request('GET', '/v1/teams', {
      headers: { 'x-request-id': 'req-123.abc' },
    });
    expect(kept.headers.get('x-request-id')).toBe('req-123.abc');
    const replaced = await gateway.request('GET', '/v1/teams', {
      key: null,
      headers: { 'x-request-id': 'bad id\twith spaces' },
    });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(replaced.body.requestId).toBe(replaced.headers.get('x-request-id'));
  });

  it('answers unknown routes with a 404 problem', async () => {
    expectProblem(await gateway.request('GET', '/v1/nothing-here'), 404);
  });

  it('answers a body that is not JSON with a 400 problem', async () => {
    const response = await fetch(
      `${gateway.url.replace('[::1]', '127.0.0.1')}/v1/teams/acme/applications`,
      {
        method: 'POST',
        headers: { authorization: 'Bearer e2e-demo-key', 'content-type': 'application/json' },
        body: '{"provider": ',
      },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
