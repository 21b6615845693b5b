import type { HttpService } from '@nestjs/axios';
import { z } from 'zod';
import { testUpstreamPipeline } from './upstream-pipeline.test-helpers';
import { NO_AUTH } from './auth/auth-strategies';
import type { UpstreamTarget } from './auth/upstream-accounts';
import type { UpstreamCall } from './upstream-pipeline';

const TARGET: UpstreamTarget = { baseUrl: 'http://127.0.0.1:1', account: 'acct', auth: NO_AUTH };
const CALL: UpstreamCall<{ ok: boolean }> = {
  operation: 'password-token',
  idempotent: true,
  method: 'POST',
  path: '/v3/auth/tokens',
  body: {},
  schema: z.object({ ok: z.boolean() }),
};

function upstreamAnswering(...answers: { status: number; body: string }[]) {
  const request = jest.fn();
  for (const answer of answers) {
    request.mockResolvedValueOnce({
      status: answer.status,
      data: answer.body,
      headers: { 'x-request-id': `up-${request.mock.calls.length + answers.length}` },
    });
  }
  const http = { axiosRef: { request } } as unknown as HttpService;
  return testUpstreamPipeline(http, {
    resilience: {
      retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 1 },
      circuitBreaker: { consecutiveFailures: 100, halfOpenAfterMs: 1_000 },
    },
  });
}

describe('UpstreamPipeline', () => {
  it('logs one line per call with outcome, retries and the upstream request id', async () => {
    const { caller, logLines } = upstreamAnswering(
      { status: 503, body: '{}' },
      { status: 200, body: '{"ok":true}' },
    );
    await expect(caller.send('iam', TARGET, CALL)).resolves.toMatchObject({ data: { ok: true } });
    expect(logLines).toEqual([
      {
        provider: 'iam',
        operation: 'password-token',
        method: 'POST',
        status: 200,
        durationMs: expect.any(Number),
        retries: 1,
        upstreamRequestId: expect.stringMatching(/^up-/),
      },
    ]);
  });

  it('logs how a failed call failed, without a status when none came', async () => {
    const { caller, logLines } = upstreamAnswering(
      { status: 200, body: 'not json' },
      { status: 200, body: 'not json' },
      { status: 200, body: 'not json' },
    );
    await expect(caller.send('iam', TARGET, CALL)).rejects.toMatchObject({ kind: 'bad-body' });
    expect(logLines).toEqual([
      expect.objectContaining({ status: 200, failure: 'bad-body', retries: 2 }),
    ]);
  });

  it('observes every attempt by provider, operation and outcome, and counts retries', async () => {
    const { caller, metrics } = upstreamAnswering(
      { status: 502, body: '{}' },
      { status: 200, body: '{"ok":true}' },
    );
    await caller.send('iam', TARGET, CALL);
    const durations = await metrics.registry.getSingleMetricAsString(
      'gateway_upstream_request_duration_seconds',
    );
    const countOf = (outcome: string) =>
      durations.match(
        new RegExp(
          `_count\\{provider="iam",operation="password-token",outcome="${outcome}"\\} (\\d+)`,
        ),
      )?.[1];
    expect([countOf('502'), countOf('200')]).toEqual(['1', '1']);
    expect(
      await metrics.registry.getSingleMetricAsString('gateway_upstream_retries_total'),
    ).toContain('gateway_upstream_retries_total{provider="iam",operation="password-token"} 1');
  });
});
