import {
  REDIS_SKIP_NOTE,
  TEST_REDIS_URL,
  uniqueTestKeyPrefix,
} from '../src/redis/redis.test-helpers';
import {
  callsOnApp,
  fastProgress,
  installAndDeploy,
  newRainbondApp,
  openStream,
} from './support/event-stream';
import { startSharedInstances, type SharedInstances } from './support/shared-instances';

const LEASE_MS = 600;
const describeWithRedis = TEST_REDIS_URL ? describe : describe.skip;
if (!TEST_REDIS_URL) console.log(`progress across replicas: ${REDIS_SKIP_NOTE}`);

describeWithRedis('Progress across two instances sharing Redis', () => {
  let shared: SharedInstances;

  beforeAll(async () => {
    shared = await startSharedInstances(
      uniqueTestKeyPrefix(),
      (config) => {
        const fast = fastProgress(config);
        return { ...fast, progress: { ...fast.progress, leaseMs: LEASE_MS } };
      },
      { lifecycle: { stepMs: 600_000 } },
    );
  });
  afterAll(() => shared.close());

  const pollsOf = (id: string) =>
    callsOnApp(shared.first, id).filter((call) => /\/apps\/\d+$/.test(call.path)).length;

  it('polls once for subscribers on both instances, and moves the poller when its holder dies', async () => {
    const id = await newRainbondApp(shared.first, 'progress-shared');
    await installAndDeploy(shared.first, id);
    const path = `/v1/teams/acme/applications/${id}/events`;
    const onFirst = await openStream(shared.first, path);
    const onSecond = await openStream(shared.second, path);
    await Promise.all([onFirst, onSecond].map((s) => s.waitFor((e) => e.event === 'status')));

    const since = pollsOf(id);
    await sleep(1_000);
    const polls = pollsOf(id) - since;
    // one poller backing off to 200 ms polls about 5 times a second; two would poll about 10
    expect(polls).toBeGreaterThan(0);
    expect(polls).toBeLessThanOrEqual(7);

    // the first subscriber's instance took the lease; it shuts down (its simulators stay up)
    onFirst.close();
    await shared.first.app.close();
    const afterClose = pollsOf(id);
    await sleep(LEASE_MS + 400);
    expect(pollsOf(id)).toBeGreaterThan(afterClose);
    onSecond.close();
  }, 20_000);
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
