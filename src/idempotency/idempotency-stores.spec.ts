import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import type { RedisConnection } from '../redis/redis-connection';
import { inFlight } from './idempotency-store.test-helpers';
import { IdempotencyStores } from './idempotency-stores';
import { configWith } from './idempotency.test-helpers';
import { MemoryIdempotencyStore } from './memory-idempotency.store';
import { RedisIdempotencyStore } from './redis-idempotency.store';

function storesWith(redis: Partial<RedisConnection>): IdempotencyStores {
  return new IdempotencyStores(redis as RedisConnection, configWith());
}

describe('IdempotencyStores', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => (warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation()));
  afterEach(() => warn.mockRestore());

  it('uses memory when no Redis is configured', async () => {
    const claim = await storesWith({ client: undefined, usable: false }).claim(
      'k',
      inFlight(),
      1000,
    );
    expect(claim.store).toBeInstanceOf(MemoryIdempotencyStore);
    expect(claim.existing).toBeUndefined();
  });

  it('claims in Redis when it is usable', async () => {
    const set = jest.fn().mockResolvedValue('OK');
    const claim = await storesWith({ client: { set } as unknown as Redis, usable: true }).claim(
      'svc:k',
      inFlight(),
      1000,
    );
    expect(claim.store).toBeInstanceOf(RedisIdempotencyStore);
    expect(set).toHaveBeenCalledWith('idem:svc:k', expect.any(String), 'PX', 1000, 'NX');
  });

  it('does not even try Redis while it is down', async () => {
    const set = jest.fn();
    const claim = await storesWith({ client: { set } as unknown as Redis, usable: false }).claim(
      'k',
      inFlight(),
      1000,
    );
    expect(claim.store).toBeInstanceOf(MemoryIdempotencyStore);
    expect(set).not.toHaveBeenCalled();
  });

  it('falls back to memory for a request whose Redis claim fails, with a warning', async () => {
    const set = jest.fn().mockRejectedValue(new Error('Command timed out'));
    const stores = storesWith({ client: { set } as unknown as Redis, usable: true });
    const marker = inFlight();

    const claim = await stores.claim('k', marker, 1000);
    expect(claim).toEqual({ store: expect.any(MemoryIdempotencyStore), existing: undefined });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('Command timed out'));
    expect((await stores.claim('k', inFlight(), 1000)).existing).toEqual(marker);
  });
});
