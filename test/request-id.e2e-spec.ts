import { INSTALL_EXAMPLE, PUBLISH_EXAMPLES } from '../src/applications/applications.examples';
import { expectProblem, startTestGateway, type TestGateway } from './support/test-gateway';

describe('request id round trip', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.sandbox.resetCalls());

  it('sends the caller’s X-Request-Id to every upstream call of the request (IAM included)', async () => {
    const response = await gateway.request('POST', '/v1/teams/globex/applications', {
      body: PUBLISH_EXAMPLES.appCenter.value,
      headers: { 'x-request-id': 'trace-publish-1' },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get('x-request-id')).toBe('trace-publish-1');
    const calls = [...gateway.sandbox.calls('iam'), ...gateway.sandbox.calls('app-center')];
    expect(calls.length).toBe(2);
    expect(calls.map((call) => call.headers['x-request-id'])).toEqual([
      'trace-publish-1',
      'trace-publish-1',
    ]);
  });

  it('carries it into a problem body next to the upstream’s own request id', async () => {
    gateway.sandbox.faults.inject('rainbond', { kind: 'status', status: 500 }, { times: 1 });
    const response = await gateway.request(
      'POST',
      '/v1/teams/acme/applications/rainbond:region-1:1/install',
      { body: INSTALL_EXAMPLE.value, headers: { 'x-request-id': 'trace-install-2' } },
    );
    const problem = expectProblem(response, 502);
    expect(problem.requestId).toBe('trace-install-2');
    expect(gateway.sandbox.calls('rainbond')[0].headers['x-request-id']).toBe('trace-install-2');
  });

  it('generates one when none is given and uses it upstream too', async () => {
    const response = await gateway.request(
      'POST',
      '/v1/teams/acme/applications/rainbond:region-1:1/install',
      { body: INSTALL_EXAMPLE.value },
    );
    const generated = response.headers.get('x-request-id');
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    expect(gateway.sandbox.calls('rainbond')[0].headers['x-request-id']).toBe(generated);
  });

  it('keeps concurrent requests apart', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        gateway.request('POST', '/v1/teams/acme/applications/rainbond:region-1:1/install', {
          body: INSTALL_EXAMPLE.value,
          headers: { 'x-request-id': `parallel-${i}` },
        }),
      ),
    );
    const sent = gateway.sandbox.calls('rainbond').map((call) => call.headers['x-request-id']);
    expect(new Set(sent)).toEqual(new Set(Array.from({ length: 20 }, (_, i) => `parallel-${i}`)));
  });
});
