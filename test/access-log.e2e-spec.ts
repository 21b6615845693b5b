import { UPGRADE_EXAMPLE } from '../src/applications/applications.examples';
import { ACME_ONLY_KEY, startTestGateway, type TestGateway } from './support/test-gateway';

describe('access log', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());

  const accessLines = (requestId: string) =>
    gateway
      .logs()
      .filter((line) => line.msg === 'request completed' && line.requestId === requestId);

  it('writes one JSON line per request with caller, team, route template and status', async () => {
    const response = await gateway.request(
      'POST',
      '/v1/teams/acme/applications/rainbond:region-1:1/upgrade',
      {
        body: UPGRADE_EXAMPLE.value,
        headers: { 'x-request-id': 'log-test-1' },
      },
    );
    expect(response.status).toBe(200);
    const lines = accessLines('log-test-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 'info',
      method: 'POST',
      route: '/v1/teams/:team/applications/:id/upgrade',
      status: 200,
      caller: 'demo',
      team: 'acme',
    });
    expect(typeof lines[0].durationMs).toBe('number');
    expect(typeof lines[0].time).toBe('string');
  });

  it('logs refused requests too, with what was known', async () => {
    await gateway.request('GET', '/v1/teams/globex/applications/app-center:x', {
      key: ACME_ONLY_KEY,
      headers: { 'x-request-id': 'log-test-2' },
    });
    await gateway.request('GET', '/v1/teams', {
      key: 'wrong-key',
      headers: { 'x-request-id': 'log-test-3' },
    });
    expect(accessLines('log-test-2')).toEqual([
      expect.objectContaining({
        status: 404,
        route: '/v1/teams/:team/applications/:id',
        caller: 'acme-only',
      }),
    ]);
    expect(accessLines('log-test-3')).toEqual([
      expect.objectContaining({ status: 401, route: '/v1/teams' }),
    ]);
    expect(accessLines('log-test-3')[0].caller).toBeUndefined();
  });

  it('logs the copy target team next to the team', async () => {
    await gateway.request('POST', '/v1/teams/acme/applications/rainbond:region-1:1/copy', {
      body: { target: { team: 'globex', applicationId: 'rainbond:region-1:2' } },
      headers: { 'x-request-id': 'log-test-4' },
    });
    expect(accessLines('log-test-4')[0]).toMatchObject({ team: 'acme', targetTeam: 'globex' });
  });
});
