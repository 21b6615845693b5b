import { watchProgress, type ProgressEvent } from '../client/src';
import { fastProgress, installAndDeploy, newRainbondApp } from './support/event-stream';
import { DEMO_KEY, startTestGateway, type TestGateway } from './support/test-gateway';

/** The client's `watchProgress` over fetch streaming, against the sandbox's simulated deploy. */
describe('watchProgress (client/)', () => {
  let gateway: TestGateway;
  let baseUrl: string;

  beforeAll(async () => {
    gateway = await startTestGateway(fastProgress, { lifecycle: { stepMs: 400 } });
    baseUrl = gateway.url.replace('[::1]', '127.0.0.1');
  });
  afterAll(() => gateway.close());

  async function collect(events: AsyncGenerator<ProgressEvent>): Promise<ProgressEvent[]> {
    const seen: ProgressEvent[] = [];
    for await (const event of events) seen.push(event);
    return seen;
  }

  it('yields status events while the app deploys, then settled, and stops there', async () => {
    const id = await newRainbondApp(gateway, 'watch-install');
    await installAndDeploy(gateway, id);
    const sentAuthorization: (string | null)[] = [];
    const events = await collect(
      watchProgress({
        baseUrl,
        credentials: () => DEMO_KEY,
        team: 'acme',
        applicationId: id,
        transport: 'fetch',
        fetch: (input, init) => {
          sentAuthorization.push(new Headers(init?.headers).get('authorization'));
          return fetch(input, init);
        },
      }),
    );
    expect(events.at(-1)).toMatchObject({
      type: 'settled',
      progress: { applicationId: id, settled: true },
    });
    const statuses = events.slice(0, -1);
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.every((event) => event.type === 'status')).toBe(true);
    // every change is a new state id; settled repeats the last state's
    expect(new Set(statuses.map((event) => event.id)).size).toBe(statuses.length);
    expect(events.at(-1)!.id).toBe(statuses.at(-1)!.id);
    expect(sentAuthorization).toEqual([`Bearer ${DEMO_KEY}`]);
  });

  it('resumes after lastEventId: the state the caller already has is not sent again', async () => {
    const id = await newRainbondApp(gateway, 'watch-resume');
    await installAndDeploy(gateway, id);
    const options = { baseUrl, credentials: DEMO_KEY, team: 'acme', applicationId: id };
    const all = await collect(watchProgress({ ...options, transport: 'fetch' }));
    const resumed = await collect(
      watchProgress({ ...options, transport: 'fetch', lastEventId: all[0].id }),
    );
    expect(resumed.map((event) => event.id)).not.toContain(all[0].id);
    expect(resumed.at(-1)).toMatchObject({ type: 'settled', progress: { settled: true } });
  });

  it('stops without an event when the signal is aborted first', async () => {
    const controller = new AbortController();
    controller.abort();
    const events = await collect(
      watchProgress({
        baseUrl,
        credentials: DEMO_KEY,
        team: 'acme',
        applicationId: 'rainbond:region-1:1',
        transport: 'fetch',
        signal: controller.signal,
      }),
    );
    expect(events).toEqual([]);
  });
});
