import { INSTALL_EXAMPLE, PUBLISH_EXAMPLES } from '../src/applications/applications.examples';
import { sampleValue } from './support/metrics-text';
import { expectProblem, startTestGateway, type TestGateway } from './support/test-gateway';

const INSTALL_PATH = '/v1/teams/acme/applications/rainbond:region-1:1/install';
const INSTALL_ROUTE = '/v1/teams/:team/applications/:id/install';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';

describe('observability', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());
  beforeEach(() => gateway.sandbox.resetCalls());

  const install = (headers: Record<string, string> = {}) =>
    gateway.request('POST', INSTALL_PATH, { body: INSTALL_EXAMPLE.value, headers });

  describe('W3C trace context', () => {
    it("continues the caller's trace on every upstream call, each with its own parent id", async () => {
      const response = await gateway.request('POST', '/v1/teams/globex/applications', {
        body: PUBLISH_EXAMPLES.appCenter.value,
        headers: {
          traceparent: `00-${TRACE_ID}-00f067aa0ba902b7-01`,
          tracestate: 'vendor=1',
          'x-request-id': 'traced-publish',
        },
      });
      expect(response.status).toBe(201);
      const sent = [...gateway.sandbox.calls('iam'), ...gateway.sandbox.calls('app-center')].map(
        (call) => call.headers,
      );
      expect(sent).toHaveLength(2);
      for (const headers of sent) {
        expect(headers.traceparent).toMatch(new RegExp(`^00-${TRACE_ID}-[0-9a-f]{16}-01$`));
        expect(headers.tracestate).toBe('vendor=1');
      }
      expect(sent[0].traceparent).not.toBe(sent[1].traceparent);
      const access = gateway
        .logs()
        .find((line) => line.requestId === 'traced-publish' && line.msg === 'request completed');
      expect(access).toMatchObject({ traceId: TRACE_ID });
    });

    it('starts a trace when the caller sends none (or an invalid one)', async () => {
      await install({ traceparent: 'garbage', 'x-request-id': 'untraced' });
      const [call] = gateway.sandbox.calls('rainbond');
      const traceId = call.headers.traceparent.split('-')[1];
      expect(traceId).toMatch(/^[0-9a-f]{32}$/);
      const access = gateway
        .logs()
        .find((line) => line.requestId === 'untraced' && line.msg === 'request completed');
      expect(access).toMatchObject({ traceId });
    });
  });

  describe('upstream call log', () => {
    it("writes one line per upstream call with our request id and the upstream's", async () => {
      gateway.sandbox.faults.inject('app-center', { kind: 'status', status: 500 }, { times: 1 });
      const response = await gateway.request('POST', '/v1/teams/globex/applications', {
        body: PUBLISH_EXAMPLES.appCenter.value,
        headers: { 'x-request-id': 'logged-publish' },
      });
      const problem = expectProblem(response, 502);
      const lines = gateway
        .logs()
        .filter(
          (line) =>
            line.msg === 'upstream call' &&
            line.requestId === 'logged-publish' &&
            line.provider === 'app-center',
        );
      expect(lines).toEqual([
        expect.objectContaining({
          provider: 'app-center',
          operation: 'publish',
          method: 'POST',
          status: 500,
          retries: 0,
          durationMs: expect.any(Number),
          upstreamRequestId: problem.upstream.requestId,
        }),
      ]);
      expect(problem.upstream.requestId).toMatch(/^[0-9a-f]{32}$/);
    });
  });

  describe('/metrics', () => {
    it('counts a scripted mix of calls by route, status, upstream, operation and outcome', async () => {
      const before = await scrape();
      for (let i = 0; i < 3; i++) expect((await install()).status).toBe(200);
      gateway.sandbox.faults.inject('rainbond', { kind: 'status', status: 500 }, { times: 1 });
      expect((await install()).status).toBe(502);
      expect((await gateway.request('POST', INSTALL_PATH, { body: {} })).status).toBe(400);
      expect((await gateway.request('GET', '/v1/nowhere')).status).toBe(404);
      const publish = await gateway.request('POST', '/v1/teams/acme/applications', {
        body: PUBLISH_EXAMPLES.appWarehouse.value,
        headers: { 'idempotency-key': 'metrics-publish' },
      });
      expect(publish.status).toBe(201);
      const replay = await gateway.request('POST', '/v1/teams/acme/applications', {
        body: PUBLISH_EXAMPLES.appWarehouse.value,
        headers: { 'idempotency-key': 'metrics-publish' },
      });
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      const after = await scrape();

      const delta = (name: string, labels: Record<string, string>) =>
        (sampleValue(after, name, labels) ?? 0) - (sampleValue(before, name, labels) ?? 0);
      const inbound = (status: string) =>
        delta('gateway_http_request_duration_seconds_count', {
          method: 'POST',
          route: INSTALL_ROUTE,
          status,
        });
      expect([inbound('200'), inbound('502'), inbound('400')]).toEqual([3, 1, 1]);
      expect(
        delta('gateway_http_request_duration_seconds_count', {
          method: 'GET',
          route: 'unmatched',
          status: '404',
        }),
      ).toBe(1);
      const upstream = (provider: string, operation: string, outcome: string) =>
        delta('gateway_upstream_request_duration_seconds_count', { provider, operation, outcome });
      expect(upstream('rainbond', 'install', '200')).toBe(3);
      expect(upstream('rainbond', 'install', '500')).toBe(1);
      expect(upstream('app-warehouse', 'publish', '200')).toBe(1);
      expect(upstream('iam', 'password-token', '201')).toBe(1);
      expect(delta('gateway_iam_token_fetches_total', { kind: 'fetched', result: 'ok' })).toBe(1);
      expect(delta('gateway_idempotency_replays_total', {})).toBe(1);
      expect(
        sampleValue(after, 'gateway_circuit_state', { provider: 'rainbond', account: 'o19p6wen' }),
      ).toBe(0);
      expect(sampleValue(after, 'gateway_process_resident_memory_bytes')).toBeGreaterThan(0);
    });

    it('is open without an API key and holds no secret', async () => {
      const response = await fetch(`${gateway.url.replace('[::1]', '127.0.0.1')}/metrics`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      const text = await response.text();
      const secrets = Object.entries(gateway.sandbox.env)
        .filter(([name]) => !name.endsWith('_URL'))
        .map(([, value]) => value);
      for (const secret of secrets) expect(text).not.toContain(secret);
    });
  });

  async function scrape(): Promise<string> {
    const response = await fetch(`${gateway.url.replace('[::1]', '127.0.0.1')}/metrics`);
    return response.text();
  }
});
