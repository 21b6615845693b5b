import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import Redis, { type RedisOptions } from 'ioredis';
import type { RedisConfig } from '../config/gateway-config.schema';

/** A dead or unreachable Redis must cost a request milliseconds, not the upstream timeout. */
const CONNECT_TIMEOUT_MS = 1_000;
const COMMAND_TIMEOUT_MS = 1_000;
const MAX_RECONNECT_DELAY_MS = 5_000;

export function redisClientOptions(keyPrefix: string): RedisOptions {
  return {
    keyPrefix,
    // Connected in onApplicationBootstrap, not in the constructor.
    lazyConnect: true,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    // While disconnected, commands fail at once (callers fall back) instead of queueing.
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    retryStrategy: (attempt) => Math.min(50 * 2 ** attempt, MAX_RECONNECT_DELAY_MS),
    // disconnect() waits this long for the socket to close, even one that never opened (Redis down).
    disconnectTimeout: 200,
  };
}

/**
 * The gateway's one Redis connection, shared by everything that keeps state across instances.
 * `client` is undefined when no Redis is configured; when it is configured but down, `usable` is
 * false and its users keep working on their per-instance memory fallbacks.
 */
export class RedisConnection implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly client: Redis | undefined;
  private readonly logger = new Logger(RedisConnection.name);
  private reachable = false;
  private lastError = '';

  constructor(config: RedisConfig) {
    if (!config.url) return;
    // A password in the URL wins; `password` serves a URL without one (compose: a Docker secret).
    this.client = new Redis(config.url, {
      ...redisClientOptions(config.keyPrefix),
      password: config.password,
    });
    this.client.on('ready', () => {
      this.reachable = true;
      this.logger.log('Redis connected: state is shared between instances');
    });
    // Logged once per outage, not at every reconnect attempt. The message never holds the URL.
    this.client.on('error', (error: Error) => {
      this.lastError = error.message;
      if (!this.reachable) return;
      this.reachable = false;
      this.logger.warn(`Redis unavailable (${error.message}): using per-instance memory stores`);
    });
    this.client.on('end', () => (this.reachable = false));
  }

  get configured(): boolean {
    return this.client !== undefined;
  }

  /** Connected and ready for commands right now. */
  get usable(): boolean {
    return this.client?.status === 'ready';
  }

  /**
   * Waits for the first connection at most CONNECT_TIMEOUT_MS, so the first requests are already
   * shared; if Redis is down the gateway starts anyway and the client keeps reconnecting.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.client) return;
    try {
      await this.client.connect();
    } catch (error) {
      this.logger.warn(
        `Redis unavailable at start (${this.lastError || (error as Error).message}): using per-instance memory stores until it answers`,
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (!this.client) return;
    if (this.usable) {
      await this.client.quit().catch(() => this.client?.disconnect());
    } else {
      this.client.disconnect();
    }
  }
}
