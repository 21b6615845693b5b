import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { hugeArrayBody, manyKeysBody, sendRaw } from './support/hostile-input';
import { DEMO_KEY, type TestGateway } from './support/test-gateway';

// many requests in one test, on a machine shared with other suites
jest.setTimeout(120_000);

const APP = '/v1/teams/acme/applications/rainbond:region-1:1';
const MAX_DELAY_MS = 50;

/** Bodies of issue 16 defects 1 and 2 that froze the gateway for seconds, each about 1 MB. */
const WORST_INPUTS: [string, string][] = [
  [`${APP}/upgrade`, hugeArrayBody(1_000_000)],
  [`${APP}/install`, manyKeysBody(85_000)],
  [`${APP}/upgrade`, `{"versions":${'['.repeat(3000)}${']'.repeat(3000)}}`],
  [
    `${APP}/upgrade`,
    JSON.stringify({
      versions: Array.from({ length: 100 }, () =>
        Object.fromEntries(Array.from({ length: 19 }, (_, i) => [`unknown${i}`, 1])),
      ),
    }),
  ],
];

interface GatewayMessage {
  ready?: string;
  delay?: { maxMs: number; p99Ms: number };
}

async function nextMessage(child: ChildProcess): Promise<GatewayMessage> {
  const [message] = (await once(child, 'message')) as [GatewayMessage];
  return message;
}

describe('the event loop under hostile input', () => {
  let child: ChildProcess;
  let gateway: TestGateway;

  beforeAll(async () => {
    // the gateway measures its own loop in its own process (see the support file)
    child = fork(join(__dirname, 'support', 'event-loop-gateway.ts'), {
      execArgv: ['-r', 'ts-node/register/transpile-only'],
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    const { ready } = await nextMessage(child);
    gateway = { url: ready } as TestGateway;
    // warm up, so the measurement sees steady-state code rather than first compilation
    for (const [path, body] of WORST_INPUTS) await sendRaw(gateway, 'POST', path, body, DEMO_KEY);
  });
  afterAll(async () => {
    const exited = once(child, 'exit');
    child.send('exit');
    await exited;
  });

  it(`keeps /health/live answering, never blocked more than ${MAX_DELAY_MS} ms, while the worst inputs are sent four at a time`, async () => {
    child.send('start');
    let attacking = true;
    const liveness: number[] = [];
    const probe = (async () => {
      while (attacking) {
        liveness.push((await fetch(`${gateway.url}/health/live`)).status);
      }
    })();
    const statuses: number[] = [];
    for (let round = 0; round < 3; round++) {
      const answers = await Promise.all(
        WORST_INPUTS.map(([path, body]) => sendRaw(gateway, 'POST', path, body, DEMO_KEY)),
      );
      statuses.push(...answers.map((answer) => answer.status));
    }
    attacking = false;
    await probe;
    child.send('stop');
    const { delay } = await nextMessage(child);

    console.log(
      `event loop: max delay ${delay!.maxMs.toFixed(1)} ms, p99 ${delay!.p99Ms.toFixed(1)} ms over ${statuses.length} hostile requests and ${liveness.length} liveness probes`,
    );
    expect(new Set(statuses)).toEqual(new Set([400]));
    expect(liveness.length).toBeGreaterThan(0);
    expect(new Set(liveness)).toEqual(new Set([200]));
    expect(delay!.maxMs).toBeLessThan(MAX_DELAY_MS);
  });
});
