import 'reflect-metadata';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startTestGateway } from './test-gateway';

/**
 * A sandbox gateway in a process of its own that measures its own event loop, so what the test
 * reads is the gateway's delay and not the test runner's (its heap, its collections, other suites).
 * Talks over IPC: `ready` with the URL; `start` and `stop` bracket a measurement, answered with
 * `delay` (max and p99 in ms); `exit` closes the gateway.
 */
async function main(): Promise<void> {
  const gateway = await startTestGateway((config) => ({
    ...config,
    rateLimit: { ...config.rateLimit, requestsPerWindow: 100_000 },
  }));
  const delay = monitorEventLoopDelay({ resolution: 5 });
  process.on('message', (message: string) => {
    if (message === 'start') {
      delay.reset();
      delay.enable();
    } else if (message === 'stop') {
      delay.disable();
      process.send?.({ delay: { maxMs: delay.max / 1e6, p99Ms: delay.percentile(99) / 1e6 } });
    } else if (message === 'exit') {
      void gateway.close().then(() => process.exit(0));
    }
  });
  process.send?.({ ready: gateway.url });
}

void main();
