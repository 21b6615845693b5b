import { ProblemError } from '../common/problem';
import type { RedisConnection } from '../redis/redis-connection';
import type { Admission } from './idempotency.service';
import { IdempotencyService } from './idempotency.service';
import { IdempotencyStores } from './idempotency-stores';
import { configWith } from './idempotency.test-helpers';

const OK = { status: 200, headers: {}, body: { id: 'rainbond:region-1:1' } };
const THROTTLED = { status: 503, headers: { 'retry-after': '1' }, body: { status: 503 } };

function serviceWith(idempotency: Record<string, unknown> = {}): IdempotencyService {
  const config = configWith(idempotency);
  const noRedis = { client: undefined, usable: false } as RedisConnection;
  return new IdempotencyService(new IdempotencyStores(noRedis, config), config);
}

async function statusOfRefusal(admission: Promise<Admission>): Promise<number> {
  const error: unknown = await admission.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (!(error instanceof ProblemError)) throw new Error('expected a problem');
  return error.status;
}

function run(admission: Admission) {
  if (admission.kind !== 'run') throw new Error(`expected to run, got ${admission.kind}`);
  return admission;
}

describe('IdempotencyService', () => {
  beforeEach(() => {
    jest.useFakeTimers();
    jest.advanceTimersByTime(1_000); // see memory-idempotency.store.spec
  });
  afterEach(() => jest.useRealTimers());

  it('runs the first request, refuses a repeat while it runs, then replays its outcome', async () => {
    const service = serviceWith();
    const first = run(await service.admit('svc', 'k', 'fp'));
    expect(await statusOfRefusal(service.admit('svc', 'k', 'fp'))).toBe(409);

    await first.settle(OK);
    expect(await service.admit('svc', 'k', 'fp')).toEqual({ kind: 'replay', response: OK });
  });

  it('answers 422 to another request with the key, running or done', async () => {
    const service = serviceWith();
    const first = run(await service.admit('svc', 'k', 'fp'));
    expect(await statusOfRefusal(service.admit('svc', 'k', 'other'))).toBe(422);
    await first.settle(OK);
    expect(await statusOfRefusal(service.admit('svc', 'k', 'other'))).toBe(422);
  });

  it('scopes keys by caller', async () => {
    const service = serviceWith();
    await service.admit('svc', 'k', 'fp');
    expect((await service.admit('other-svc', 'k', 'fp')).kind).toBe('run');
  });

  it('releases the key after an outcome that is not kept', async () => {
    const service = serviceWith();
    await run(await service.admit('svc', 'k', 'fp')).settle(THROTTLED);
    expect((await service.admit('svc', 'k', 'fp')).kind).toBe('run');
  });

  it('forgets a replayable outcome after ttlSeconds', async () => {
    const service = serviceWith({ ttlSeconds: 60 });
    await run(await service.admit('svc', 'k', 'fp')).settle(OK);
    jest.advanceTimersByTime(59_000);
    expect((await service.admit('svc', 'k', 'fp')).kind).toBe('replay');
    jest.advanceTimersByTime(2_000);
    expect((await service.admit('svc', 'k', 'fp')).kind).toBe('run');
  });

  it('frees the key of a request that never settles once its lease ends: by default twice the longest upstream timeout plus 10 s', async () => {
    const service = serviceWith();
    await service.admit('svc', 'k', 'fp');
    jest.advanceTimersByTime(129_000);
    expect(await statusOfRefusal(service.admit('svc', 'k', 'fp'))).toBe(409);
    jest.advanceTimersByTime(2_000);
    expect((await service.admit('svc', 'k', 'fp')).kind).toBe('run');
  });

  it('takes the lease from idempotency.leaseSeconds', async () => {
    const service = serviceWith({ leaseSeconds: 70 });
    await service.admit('svc', 'k', 'fp');
    jest.advanceTimersByTime(71_000);
    expect((await service.admit('svc', 'k', 'fp')).kind).toBe('run');
  });
});
