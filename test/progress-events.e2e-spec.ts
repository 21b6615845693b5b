import {
  callsOnApp,
  fastProgress,
  installAndDeploy,
  newRainbondApp,
  openStream,
  type StreamEvent,
} from './support/event-stream';
import { sampleValue } from './support/metrics-text';
import {
  ACME_ONLY_KEY,
  expectProblem,
  startTestGateway,
  type TestGateway,
} from './support/test-gateway';

// longer than maxPollIntervalMs: every phase is seen by at least one poll
const STEP_MS = 400;

const statesOf = (event: StreamEvent) =>
  (event.data.rainbond.components as { name: string; state: string }[]).map(
    (c) => `${c.name}:${c.state}`,
  );

describe('Progress of Rainbond work (status and events)', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway(fastProgress, {
      lifecycle: { stepMs: STEP_MS, failingBuilds: ['redis'] },
    });
  });
  afterAll(() => gateway.close());

  it('streams the components from pending through building and starting to running, then settled, then ends', async () => {
    const id = await newRainbondApp(gateway, 'progress-install');
    await installAndDeploy(gateway, id);
    const stream = await openStream(gateway, `/v1/teams/acme/applications/${id}/events`);
    expect(stream.status).toBe(200);
    expect(stream.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');

    const settled = await stream.waitFor((event) => event.event === 'settled');
    await stream.ended;
    const states = stream.events.filter((e) => e.event === 'status').map((e) => statesOf(e)[0]);
    // in lifecycle order (a poll may fall between two phases under load)
    const order = ['nginx:pending', 'nginx:building', 'nginx:starting', 'nginx:running'];
    const steps = states.map((state) => order.indexOf(state));
    expect(steps).not.toContain(-1);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(states).toEqual(expect.arrayContaining(['nginx:building', 'nginx:running']));
    expect(states.at(-1)).toBe('nginx:running');
    expect(settled.data).toMatchObject({
      applicationId: id,
      settled: true,
      rainbond: { appStatus: 'running', counts: { total: 1, running: 1, failed: 0 } },
    });
    const [nginx] = settled.data.rainbond.components;
    expect(nginx.upstreamStatus).toBe('running');
    expect(nginx.events.map((e: any) => [e.kind, e.status, e.finished])).toEqual([
      ['start-service', 'success', true],
      ['build-service', 'success', true],
    ]);
    expect(nginx.events[0].startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(
      stream.events.every((event) => typeof event.id === 'string' && event.id.length > 0),
    ).toBe(true);
  });

  it('shows a component whose build fails as failed, and settles', async () => {
    const id = await newRainbondApp(gateway, 'progress-failing');
    await installAndDeploy(gateway, id, 'b7c8d9e0f1a2');
    const stream = await openStream(gateway, `/v1/teams/acme/applications/${id}/events`);
    const settled = await stream.waitFor((event) => event.event === 'settled');
    expect(statesOf(settled)).toEqual(['redis:failed']);
    expect(settled.data.rainbond.counts).toEqual({ total: 1, running: 0, failed: 1 });
    expect(settled.data.rainbond.components[0]).toMatchObject({
      upstreamStatus: 'build_failure',
      events: [
        {
          kind: 'build-service',
          status: 'failure',
          finished: true,
          message: expect.stringMatching(/build failed/),
        },
      ],
    });
  });

  it('answers the same model once on …/status, with settled false while work moves', async () => {
    const id = await newRainbondApp(gateway, 'progress-status');
    await installAndDeploy(gateway, id);
    const moving = await gateway.request('GET', `/v1/teams/acme/applications/${id}/status`);
    expect(moving.status).toBe(200);
    expect(moving.body).toMatchObject({ applicationId: id, provider: 'rainbond', settled: false });
    expect(moving.body.observedAt).toMatch(/Z$/);
  });

  it('polls once for 20 subscribers: the simulator sees as many calls as for one', async () => {
    const [single, shared] = await Promise.all([
      newRainbondApp(gateway, 'progress-one'),
      newRainbondApp(gateway, 'progress-twenty'),
    ]);
    await Promise.all([installAndDeploy(gateway, single), installAndDeploy(gateway, shared)]);
    const before = {
      single: callsOnApp(gateway, single).length,
      shared: callsOnApp(gateway, shared).length,
    };
    const one = [await openStream(gateway, `/v1/teams/acme/applications/${single}/events`)];
    const twenty = await Promise.all(
      Array.from({ length: 20 }, () =>
        openStream(gateway, `/v1/teams/acme/applications/${shared}/events`),
      ),
    );
    await Promise.all(
      [...one, ...twenty].map((stream) => stream.waitFor((e) => e.event === 'settled')),
    );
    const singleCalls = callsOnApp(gateway, single).length - before.single;
    const sharedCalls = callsOnApp(gateway, shared).length - before.shared;
    // one poll is 3 calls (app, components, the component's events); timing may add a poll or two
    expect(sharedCalls).toBeLessThanOrEqual(singleCalls + 6);
    expect(sharedCalls).toBeLessThan(20 * 3);
  });

  it('links every write answer to its progress (Link rel="monitor" and links)', async () => {
    const id = await newRainbondApp(gateway, 'progress-links');
    const response = await installAndDeploy(gateway, id);
    const base = `/v1/teams/acme/applications/${id}`;
    expect(response.body.links).toEqual({ status: `${base}/status`, events: `${base}/events` });
    expect(response.headers.get('link')).toBe(
      `<${base}/events>; rel="monitor"; type="text/event-stream", <${base}/status>; rel="monitor"; type="application/json"`,
    );
    const copy = await gateway.request('POST', `/v1/teams/acme/applications/${id}/copy`, {
      body: { target: { team: 'globex', applicationId: 'rainbond:region-1:2' } },
    });
    expect(copy.body.links.events).toBe('/v1/teams/globex/applications/rainbond:region-1:2/events');
  });

  it("answers 404 on both routes for another team's caller, without an upstream call", async () => {
    gateway.sandbox.resetCalls();
    for (const route of ['status', 'events']) {
      const response = await gateway.request(
        'GET',
        `/v1/teams/globex/applications/rainbond:region-1:2/${route}`,
        {
          key: ACME_ONLY_KEY,
        },
      );
      expectProblem(response, 404);
    }
    // a region the team has no access to is as unknown as another team's app
    const outside = await gateway.request(
      'GET',
      '/v1/teams/globex/applications/rainbond:region-2:3/events',
    );
    expectProblem(outside, 404);
    expect(gateway.sandbox.calls('rainbond')).toEqual([]);
  });

  it('answers 404 problem+json, not a stream, for an application Rainbond does not have', async () => {
    const response = await gateway.request(
      'GET',
      '/v1/teams/acme/applications/rainbond:region-1:9999/events',
    );
    expectProblem(response, 404);
  });

  it('counts open streams in the metrics', async () => {
    const id = await newRainbondApp(gateway, 'progress-metrics');
    await installAndDeploy(gateway, id);
    const stream = await openStream(gateway, `/v1/teams/acme/applications/${id}/events`);
    await stream.waitFor((e) => e.event === 'status');
    const metrics = await fetch(`${gateway.url.replace('[::1]', '127.0.0.1')}/metrics`).then((r) =>
      r.text(),
    );
    expect(sampleValue(metrics, 'gateway_progress_streams_open')).toBeGreaterThanOrEqual(1);
    expect(sampleValue(metrics, 'gateway_progress_pollers')).toBeGreaterThanOrEqual(1);
    stream.close();
  });
});

describe('Progress streams of work that does not settle soon', () => {
  let gateway: TestGateway;

  beforeAll(async () => {
    gateway = await startTestGateway(fastProgress, { lifecycle: { stepMs: 600_000 } });
  });
  afterAll(() => gateway.close());

  it('stops polling when the last subscriber leaves', async () => {
    const id = await newRainbondApp(gateway, 'progress-leave');
    await installAndDeploy(gateway, id);
    const streams = await Promise.all(
      [1, 2].map(() => openStream(gateway, `/v1/teams/acme/applications/${id}/events`)),
    );
    await Promise.all(streams.map((s) => s.waitFor((e) => e.event === 'status')));
    streams[0].close();
    await sleep(300);
    const whileOneWatches = callsOnApp(gateway, id).length;
    await sleep(300);
    expect(callsOnApp(gateway, id).length).toBeGreaterThan(whileOneWatches);
    streams[1].close();
    await sleep(300);
    const afterLast = callsOnApp(gateway, id).length;
    await sleep(700);
    expect(callsOnApp(gateway, id).length).toBe(afterLast);
  });

  it('resumes with Last-Event-ID: the state the client has is not sent again, a newer one is', async () => {
    const id = await newRainbondApp(gateway, 'progress-resume');
    await installAndDeploy(gateway, id);
    const path = `/v1/teams/acme/applications/${id}/events`;
    const first = await openStream(gateway, path);
    const seen = await first.waitFor((e) => e.event === 'status');
    first.close();

    const resumed = await openStream(gateway, path, { headers: { 'last-event-id': seen.id! } });
    try {
      await waitUntil(() => resumed.comments.includes('heartbeat'), 3_000);
      expect(resumed.events).toEqual([]);
    } finally {
      resumed.close();
    }

    const stale = await openStream(gateway, `${path}?lastEventId=some-older-state`);
    const again = await stale.waitFor((e) => e.event === 'status');
    expect(again.id).toBe(seen.id);
    stale.close();
  });

  it('keeps the stream open and marks it degraded while Rainbond fails, and recovers', async () => {
    const id = await newRainbondApp(gateway, 'progress-degraded');
    await installAndDeploy(gateway, id);
    const stream = await openStream(gateway, `/v1/teams/acme/applications/${id}/events`);
    await stream.waitFor((e) => e.event === 'status');
    gateway.sandbox.faults.inject('rainbond', { kind: 'status', status: 503 });
    const degraded = await stream.waitFor((e) => e.data.degraded !== undefined, 15_000);
    expect(degraded.data.degraded).toMatchObject({ reason: expect.stringMatching(/^upstream-/) });
    expect(degraded.data.rainbond.components).toHaveLength(1);
    gateway.sandbox.faults.clear();
    const recovered = await stream.waitFor(
      (e) =>
        stream.events.indexOf(e) > stream.events.indexOf(degraded) && e.data.degraded === undefined,
      15_000,
    );
    expect(recovered.data.settled).toBe(false);
    stream.close();
  });

  it('opens a stream with a ticket instead of an Authorization header, for that application only', async () => {
    const id = await newRainbondApp(gateway, 'progress-ticket');
    await installAndDeploy(gateway, id);
    const issued = await gateway.request(
      'POST',
      `/v1/teams/acme/applications/${id}/events/tickets`,
    );
    expect(issued.status).toBe(201);
    expect(issued.body.url).toBe(
      `/v1/teams/acme/applications/${id}/events?ticket=${issued.body.ticket}`,
    );
    const stream = await openStream(gateway, issued.body.url, { key: null });
    expect(stream.status).toBe(200);
    await stream.waitFor((e) => e.event === 'status');
    stream.close();

    const other = await gateway.request(
      'GET',
      `/v1/teams/acme/applications/rainbond:region-1:1/events?ticket=${issued.body.ticket}`,
      { key: null },
    );
    expectProblem(other, 401);
    const status = await gateway.request(
      'GET',
      `/v1/teams/acme/applications/${id}/status?ticket=${issued.body.ticket}`,
      {
        key: null,
      },
    );
    expectProblem(status, 401);
  });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(25);
  }
}
