import { INSTALL_EXAMPLE } from '../src/applications/applications.examples';
import { shutDownGracefully } from '../src/health/graceful-shutdown';
import { startTestGateway, type TestGateway } from './support/test-gateway';

describe('graceful shutdown', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.sandbox.stop());

  it('turns unready, keeps serving through the drain, finishes requests in flight, then closes', async () => {
    gateway.sandbox.faults.inject('rainbond', { kind: 'latency', ms: 700 }, { times: 1 });
    const inFlight = gateway.request(
      'POST',
      '/v1/teams/acme/applications/rainbond:region-1:1/install',
      { body: INSTALL_EXAMPLE.value },
    );
    while (gateway.sandbox.calls('rainbond').length === 0) {
      await new Promise((resolve) => setTimeout(resolve, 5));
    }

    const closing = shutDownGracefully(gateway.app, 300);
    expect((await gateway.request('GET', '/health/ready', { key: null })).status).toBe(503);
    expect((await gateway.request('GET', '/v1/teams')).status).toBe(200);

    expect((await inFlight).status).toBe(200);
    await closing;
    await expect(gateway.request('GET', '/health/live', { key: null })).rejects.toThrow();
  });
});
