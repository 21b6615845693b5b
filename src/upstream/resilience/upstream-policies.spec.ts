import { ProblemError } from '../../common/problem';
import { QUIET_POLICIES } from '../upstream-pipeline.test-helpers';
import { UpstreamError } from '../upstream.error';
import type { GatewayConfig } from '../../config/gateway-config.schema';
import { GatewayMetrics } from '../../metrics/gateway-metrics';
import { buildUpstreamProfiles } from '../upstream-profiles';
import { UpstreamPolicies, type PolicyScope } from './upstream-policies';

const WRITE: PolicyScope = { provider: 'rainbond', account: 'team-a', idempotent: false };
const READ: PolicyScope = { ...WRITE, idempotent: true };

function policies(overrides: {
  maxRetries?: number;
  consecutiveFailures?: number;
  halfOpenAfterMs?: number;
  maxConcurrent?: number;
  maxQueued?: number;
}) {
  const upstream = {
    ...QUIET_POLICIES.upstreams.rainbond,
    maxConcurrent: overrides.maxConcurrent ?? 256,
    maxQueued: overrides.maxQueued ?? 1_024,
  };
  const config = {
    upstreams: { ...QUIET_POLICIES.upstreams, rainbond: upstream },
    resilience: {
      retry: { maxRetries: overrides.maxRetries ?? 0, initialDelayMs: 1, maxDelayMs: 2 },
      circuitBreaker: {
        consecutiveFailures: overrides.consecutiveFailures ?? 1_000,
        halfOpenAfterMs: overrides.halfOpenAfterMs ?? 60_000,
      },
    },
  } as GatewayConfig;
  const metrics = new GatewayMetrics();
  return { policies: new UpstreamPolicies(buildUpstreamProfiles(config), metrics), metrics };
}

const timeout = () => new UpstreamError('rainbond', 'timeout', 'rainbond did not answer in time');
const reset = () => new UpstreamError('rainbond', 'network', 'rainbond could not be reached');
const refused = () =>
  new UpstreamError('rainbond', 'network', 'rainbond could not be reached', { notSent: true });
const answered = (status: number) =>
  new UpstreamError('rainbond', 'response', `rainbond answered ${status}`, { status });

/** Runs a call whose attempts fail with `errors` in turn, then succeed; returns attempts made. */
async function attemptsFor(
  run: UpstreamPolicies,
  scope: PolicyScope,
  errors: UpstreamError[],
): Promise<{ attempts: number; result: PromiseSettledResult<string> }> {
  let attempts = 0;
  const [result] = await Promise.allSettled([
    run.execute(scope, () => {
      const error = errors[attempts++];
      return error ? Promise.reject(error) : Promise.resolve('ok');
    }),
  ]);
  return { attempts, result };
}

async function problemOf(promise: Promise<unknown>): Promise<ProblemError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ProblemError);
  return error as ProblemError;
}

describe('UpstreamPolicies retries', () => {
  it('retries an idempotent call after a timeout, a reset and a 5xx', async () => {
    const { policies: run } = policies({ maxRetries: 3 });
    const { attempts, result } = await attemptsFor(run, READ, [timeout(), reset(), answered(503)]);
    expect(attempts).toBe(4);
    expect(result).toEqual({ status: 'fulfilled', value: 'ok' });
  });

  it('never repeats a write that may have reached the upstream', async () => {
    const { policies: run } = policies({ maxRetries: 3 });
    for (const error of [timeout(), reset(), answered(500)]) {
      const { attempts, result } = await attemptsFor(run, WRITE, [error]);
      expect(attempts).toBe(1);
      expect(result).toMatchObject({ status: 'rejected', reason: error });
    }
  });

  it('repeats a write that was never sent (connection refused)', async () => {
    const { policies: run } = policies({ maxRetries: 2 });
    const { attempts, result } = await attemptsFor(run, WRITE, [refused(), refused()]);
    expect(attempts).toBe(3);
    expect(result.status).toBe('fulfilled');
  });

  it('does not retry what the upstream refused (4xx), and stops after maxRetries', async () => {
    const { policies: run } = policies({ maxRetries: 2 });
    expect((await attemptsFor(run, READ, [answered(404)])).attempts).toBe(1);
    const exhausted = await attemptsFor(run, READ, [timeout(), timeout(), timeout(), timeout()]);
    expect(exhausted.attempts).toBe(3);
    expect(exhausted.result.status).toBe('rejected');
  });
});

describe('UpstreamPolicies circuit breaker', () => {
  it('opens after consecutive faults: 503 with Retry-After, without calling', async () => {
    const { policies: run, metrics } = policies({
      consecutiveFailures: 3,
      halfOpenAfterMs: 30_000,
    });
    for (let i = 0; i < 3; i++) await attemptsFor(run, WRITE, [answered(502)]);

    const call = jest.fn().mockResolvedValue('ok');
    const problem = await problemOf(run.execute(WRITE, call));
    expect(call).not.toHaveBeenCalled();
    expect(problem).toMatchObject({ status: 503, slug: 'upstream-circuit-open' });
    expect(Number(problem.extras.headers?.['retry-after'])).toBeGreaterThanOrEqual(29);
    expect(await metrics.registry.getSingleMetricAsString('gateway_circuit_state')).toContain(
      'gateway_circuit_state{provider="rainbond",account="team-a"} 2',
    );
  });

  it('keeps one account failing from opening the circuit of another', async () => {
    const { policies: run } = policies({ consecutiveFailures: 2 });
    for (let i = 0; i < 2; i++) await attemptsFor(run, WRITE, [timeout()]);
    const other = { ...WRITE, account: 'team-b' };
    await expect(run.execute(other, () => Promise.resolve('ok'))).resolves.toBe('ok');
    await expect(problemOf(run.execute(WRITE, () => Promise.resolve('ok')))).resolves.toMatchObject(
      {
        slug: 'upstream-circuit-open',
      },
    );
  });

  it('does not count refusals (4xx) as faults', async () => {
    const { policies: run } = policies({ consecutiveFailures: 2 });
    for (let i = 0; i < 5; i++) await attemptsFor(run, WRITE, [answered(409)]);
    await expect(run.execute(WRITE, () => Promise.resolve('ok'))).resolves.toBe('ok');
  });

  it('lets one probe through after halfOpenAfterMs and closes on its success', async () => {
    const { policies: run } = policies({ consecutiveFailures: 1, halfOpenAfterMs: 50 });
    await attemptsFor(run, WRITE, [timeout()]);
    await expect(problemOf(run.execute(WRITE, () => Promise.resolve('ok')))).resolves.toMatchObject(
      {
        slug: 'upstream-circuit-open',
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 80));
    await expect(run.execute(WRITE, () => Promise.resolve('probe'))).resolves.toBe('probe');
    await expect(run.execute(WRITE, () => Promise.resolve('ok'))).resolves.toBe('ok');
  });
});

describe('UpstreamPolicies concurrency bound', () => {
  it('queues up to maxQueued calls beyond maxConcurrent and refuses the rest with 503', async () => {
    const { policies: run } = policies({ maxConcurrent: 2, maxQueued: 1 });
    const release: (() => void)[] = [];
    const slow = () => new Promise<string>((resolve) => release.push(() => resolve('done')));
    const running = [run.execute(WRITE, slow), run.execute(WRITE, slow)];
    const queued = run.execute(WRITE, slow);

    const problem = await problemOf(run.execute(WRITE, slow));
    expect(problem).toMatchObject({ status: 503, slug: 'upstream-busy' });
    expect(release).toHaveLength(2);

    release.splice(0).forEach((resolve) => resolve());
    await Promise.all(running);
    await new Promise((resolve) => setImmediate(resolve));
    release.splice(0).forEach((resolve) => resolve());
    await expect(queued).resolves.toBe('done');
  });

  it('bounds each upstream separately', async () => {
    const { policies: run } = policies({ maxConcurrent: 1, maxQueued: 0 });
    let finish: () => void = () => undefined;
    const hanging = run.execute(WRITE, () => new Promise<void>((resolve) => (finish = resolve)));
    const iam: PolicyScope = { provider: 'iam', account: 'acct', idempotent: true };
    await expect(run.execute(iam, () => Promise.resolve('token'))).resolves.toBe('token');
    finish();
    await hanging;
  });
});
