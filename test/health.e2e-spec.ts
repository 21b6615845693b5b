import { ShutdownState } from '../src/health/shutdown-state';
import { startTestGateway, type TestGateway } from './support/test-gateway';

describe('health probes', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());

  it('answers liveness and readiness without an API key', async () => {
    const live = await gateway.request('GET', '/health/live', { key: null });
    const ready = await gateway.request('GET', '/health/ready', { key: null });
    expect(live).toMatchObject({ status: 200, body: { status: 'ok' } });
    expect(ready).toMatchObject({
      status: 200,
      body: { status: 'ok', info: { lifecycle: { status: 'up' } } },
    });
  });

  it('stays ready while an upstream is down', async () => {
    gateway.sandbox.faults.inject('rainbond', { kind: 'status', status: 503 });
    gateway.sandbox.faults.inject('iam', { kind: 'reset' });
    try {
      expect((await gateway.request('GET', '/health/ready', { key: null })).status).toBe(200);
    } finally {
      gateway.sandbox.faults.clear();
    }
  });

  it('turns unready (503 problem) once shutdown has begun, while liveness stays up', async () => {
    gateway.app.get(ShutdownState).begin();
    const ready = await gateway.request('GET', '/health/ready', { key: null });
    expect(ready.status).toBe(503);
    expect(ready.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await gateway.request('GET', '/health/live', { key: null })).status).toBe(200);
  });

  it('keeps every other route behind the API key', async () => {
    expect((await gateway.request('GET', '/v1/teams', { key: null })).status).toBe(401);
  });
});
