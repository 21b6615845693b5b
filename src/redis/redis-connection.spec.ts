import { Logger } from '@nestjs/common';
import { RedisConnection } from './redis-connection';
import {
  REDIS_SKIP_NOTE,
  TEST_REDIS_URL,
  uniqueTestKeyPrefix,
  unreachableRedisUrl,
} from './redis.test-helpers';

describe('RedisConnection', () => {
  let warn: jest.SpyInstance;
  beforeEach(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation();
    jest.spyOn(Logger.prototype, 'log').mockImplementation();
  });
  afterEach(() => jest.restoreAllMocks());

  it('has no client when no Redis is configured', async () => {
    const connection = new RedisConnection({ keyPrefix: 'gw:' });
    await connection.onApplicationBootstrap();
    expect(connection).toMatchObject({ client: undefined, configured: false, usable: false });
    await connection.onApplicationShutdown();
  });

  it('authenticates with redis.password when the URL carries none, and prefers the URL', () => {
    const fromConfig = new RedisConnection({
      url: 'redis://127.0.0.1:9',
      password: 'from-secret',
      keyPrefix: 'gw:',
    });
    const fromUrl = new RedisConnection({
      url: 'redis://:in-url@127.0.0.1:9',
      password: 'from-secret',
      keyPrefix: 'gw:',
    });
    expect([fromConfig.client!.options.password, fromUrl.client!.options.password]).toEqual([
      'from-secret',
      'in-url',
    ]);
    fromConfig.client!.disconnect();
    fromUrl.client!.disconnect();
  });

  describe('with Redis down', () => {
    const password = 'never-in-a-log';
    let connection: RedisConnection;
    beforeEach(async () => {
      connection = new RedisConnection({
        url: await unreachableRedisUrl(password),
        keyPrefix: 'gw:',
      });
    });
    afterEach(() => connection.onApplicationShutdown());

    it('starts anyway, unusable, with a warning that does not hold the URL', async () => {
      await connection.onApplicationBootstrap();
      expect(connection).toMatchObject({ configured: true, usable: false });
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('Redis unavailable at start'));
      expect(JSON.stringify(warn.mock.calls)).not.toContain(password);
    });

    it('fails commands at once instead of queueing them until Redis returns', async () => {
      await connection.onApplicationBootstrap();
      await expect(connection.client!.get('k')).rejects.toThrow(/enableOfflineQueue/);
    });
  });

  (TEST_REDIS_URL ? describe : describe.skip)(
    `with Redis up${TEST_REDIS_URL ? '' : ` (${REDIS_SKIP_NOTE})`}`,
    () => {
      it('is usable once started, and quits on shutdown', async () => {
        const connection = new RedisConnection({
          url: TEST_REDIS_URL,
          keyPrefix: uniqueTestKeyPrefix(),
        });
        expect(connection.usable).toBe(false);
        await connection.onApplicationBootstrap();
        expect(connection.usable).toBe(true);
        expect(await connection.client!.ping()).toBe('PONG');

        const quit = jest.spyOn(connection.client!, 'quit');
        const ended = new Promise((resolve) => connection.client!.once('end', resolve));
        await connection.onApplicationShutdown();
        await ended;
        expect(quit).toHaveBeenCalled();
        expect(connection.usable).toBe(false);
      });
    },
  );
});
