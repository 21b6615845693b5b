import type { INestApplication } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { ShutdownState } from './shutdown-state';

/**
 * Takes the gateway down without dropping a request: readiness turns false at once, new requests
 * are still served for `drainMs` (while load balancers notice and stop sending), then the server
 * stops accepting, waits for the requests in flight to finish, and closes.
 */
export async function shutDownGracefully(app: INestApplication, drainMs: number): Promise<void> {
  app.get(ShutdownState).begin();
  if (drainMs > 0) await sleep(drainMs);
  await app.close();
}
