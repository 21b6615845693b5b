import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { GATEWAY_CONFIG } from '../config/config.tokens';
import type { GatewayConfig } from '../config/gateway-config.schema';
import type { Caller } from './caller';

interface KeyEntry {
  hash: Buffer;
  caller: Caller;
}

/** Maps a presented API key to its caller. Only SHA-256 hashes of keys are ever held. */
@Injectable()
export class CallerRegistry {
  private readonly entries: KeyEntry[];

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    this.entries = config.callers.flatMap((caller) => {
      const resolved: Caller = { name: caller.name, teams: new Set(caller.teams) };
      return caller.keys.map((hex) => ({ hash: Buffer.from(hex, 'hex'), caller: resolved }));
    });
  }

  /**
   * Compares the key's hash with every configured hash in constant time and without stopping at a
   * match, so neither the time nor the order reveals which key (or whether any) matched.
   */
  authenticate(apiKey: string): Caller | undefined {
    const presented = createHash('sha256').update(apiKey, 'utf8').digest();
    let found: Caller | undefined;
    for (const entry of this.entries) {
      if (timingSafeEqual(presented, entry.hash)) found = entry.caller;
    }
    return found;
  }
}
