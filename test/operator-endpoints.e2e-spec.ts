import { MetricsListener } from '../src/metrics/metrics-listener';
import { expectProblem, startTestGateway, type TestGateway } from './support/test-gateway';

describe('metrics on a port of their own, /docs switched off (production settings)', () => {
  let gateway: TestGateway;
  let metricsUrl: string;

  beforeAll(async () => {
    gateway = await startTestGateway((config) => ({
      ...config,
      metrics: { port: 0, host: '127.0.0.1' },
      docs: { enabled: false },
    }));
    metricsUrl = `http://127.0.0.1:${gateway.app.get(MetricsListener).port}`;
  }, 30_000);
  afterAll(() => gateway?.close());

  it('serves the Prometheus text on the metrics port', async () => {
    await gateway.request('GET', '/v1/teams');
    const response = await fetch(`${metricsUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await response.text()).toMatch(
      /^gateway_http_request_duration_seconds_count\{.*route="\/v1\/teams"/m,
    );
  });

  it('answers anything else on the metrics port with problem+json', async () => {
    const other = await fetch(`${metricsUrl}/v1/teams`);
    expect([other.status, other.headers.get('content-type')]).toEqual([
      404,
      'application/problem+json',
    ]);
    expect(await other.json()).toMatchObject({
      type: 'https://gateway.internal/problems/not-found',
    });
    const post = await fetch(`${metricsUrl}/metrics`, { method: 'POST' });
    expect([post.status, post.headers.get('allow')]).toEqual([405, 'GET']);
    expect(await post.json()).toMatchObject({
      type: 'https://gateway.internal/problems/method-not-allowed',
    });
  });

  it('no longer serves /metrics, /docs or /docs-json on the API port', async () => {
    for (const path of ['/metrics', '/docs', '/docs-json']) {
      const body = expectProblem(await gateway.request('GET', path, { key: null }), 404);
      expect([path, body.type]).toEqual([path, 'https://gateway.internal/problems/not-found']);
    }
  });
});

describe('default settings', () => {
  let gateway: TestGateway;
  beforeAll(async () => (gateway = await startTestGateway()), 30_000);
  afterAll(() => gateway?.close());

  it('serve /metrics and /docs on the API port', async () => {
    const url = gateway.url.replace('[::1]', '127.0.0.1');
    expect((await fetch(`${url}/metrics`)).status).toBe(200);
    expect((await fetch(`${url}/docs-json`)).status).toBe(200);
  });
});
