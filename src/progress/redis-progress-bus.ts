import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type Redis from 'ioredis';
import type { ProgressConfig } from '../config/gateway-config.schema';
import type { RedisConnection } from '../redis/redis-connection';
import type { BusMessage, ProgressBus, Snapshot } from './progress-bus';

/** Renew the lease if we hold it, else take it if free: 1 when this replica leads. */
const LEAD = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1
end
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0`;
const RESIGN = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

interface Envelope {
  from: string;
  message: BusMessage;
}

/**
 * Across replicas: a lease per application (`progress:lease:{key}`, renewed by its holder every
 * third of `leaseMs`, so it moves within `leaseMs` when the holder dies), the holder's states on a
 * pub/sub channel, and the last one under `progress:latest:{key}` for replicas that join later.
 * While Redis is unusable every replica leads its own, as without Redis.
 */
export class RedisProgressBus implements ProgressBus {
  readonly renewEveryMs: number;
  private readonly logger = new Logger(RedisProgressBus.name);
  private readonly me = randomUUID();
  private readonly deliveries = new Map<string, (message: BusMessage) => void>();
  private subscriber?: Promise<Redis>;

  constructor(
    private readonly redis: RedisConnection,
    private readonly keyPrefix: string,
    private readonly settings: ProgressConfig,
  ) {
    this.renewEveryMs = Math.max(20, Math.floor(settings.leaseMs / 3));
  }

  async join(key: string, deliver: (message: BusMessage) => void): Promise<Snapshot | undefined> {
    this.deliveries.set(this.channel(key), deliver);
    if (!this.redis.usable) return undefined;
    const subscriber = await this.subscriberConnection();
    await subscriber.subscribe(this.channel(key));
    const latest = await this.redis.client!.get(`progress:latest:${key}`);
    return latest ? (JSON.parse(latest) as Snapshot) : undefined;
  }

  async leave(key: string): Promise<void> {
    this.deliveries.delete(this.channel(key));
    if (this.subscriber && this.redis.usable) {
      await (await this.subscriber).unsubscribe(this.channel(key));
    }
  }

  async lead(key: string): Promise<boolean> {
    if (!this.redis.usable) return true;
    const held = await this.redis.client!.eval(
      LEAD,
      1,
      `progress:lease:${key}`,
      this.me,
      String(this.settings.leaseMs),
    );
    return held === 1;
  }

  async resign(key: string): Promise<void> {
    if (this.redis.usable) {
      await this.redis.client!.eval(RESIGN, 1, `progress:lease:${key}`, this.me);
    }
  }

  async publish(key: string, message: BusMessage): Promise<void> {
    if (!this.redis.usable) return;
    const client = this.redis.client!;
    if ('snapshot' in message) {
      // kept while a poller may be backing off; a settled state only briefly (work may restart)
      const keepMs = message.snapshot.progress.settled
        ? this.settings.leaseMs
        : this.settings.maxPollIntervalMs * 2 + this.settings.leaseMs;
      await client.set(`progress:latest:${key}`, JSON.stringify(message.snapshot), 'PX', keepMs);
    }
    const envelope: Envelope = { from: this.me, message };
    await client.publish(this.channel(key), JSON.stringify(envelope));
  }

  /** Channels are not keys: ioredis does not prefix them, so the deployment's prefix is added here. */
  private channel(key: string): string {
    return `${this.keyPrefix}progress:${key}`;
  }

  private subscriberConnection(): Promise<Redis> {
    this.subscriber ??= (async () => {
      const connection = this.redis.client!.duplicate();
      connection.on('message', (channel: string, text: string) => this.relay(channel, text));
      connection.on('error', (error: Error) =>
        this.logger.warn(`progress relay: ${error.message}`),
      );
      await connection.connect();
      return connection;
    })();
    return this.subscriber;
  }

  private relay(channel: string, text: string): void {
    const envelope = JSON.parse(text) as Envelope;
    if (envelope.from !== this.me) this.deliveries.get(channel)?.(envelope.message);
  }

  /** Closes the subscriber connection (the shared one is RedisConnection's). */
  async close(): Promise<void> {
    if (this.subscriber) (await this.subscriber).disconnect();
  }
}
