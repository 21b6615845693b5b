import type { HttpService } from '@nestjs/axios';
import { z } from 'zod';
import { testUpstreamPipeline } from './upstream-pipeline.test-helpers';
import type { UpstreamRequest } from './http/upstream-http';

const REQUEST: UpstreamRequest<{ ok: boolean }> = {
  provider: 'iam',
  operation: 'password-token',
  account: 'acct',
  idempotent: true,
  method: 'POST',
  url: 'http://127.0.0.1:1/v3/auth/tokens',
  headers: {},
  body: {},
  timeoutMs: 1_000,
  schema: z.object({ ok: z.boolean() }),
  parseError: () => ({}),
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
    await expect(caller.send(REQUEST)).resolves.toMatchObject({ data: { ok: true } });
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
    await expect(caller.send(REQUEST)).rejects.toMatchObject({ kind: 'bad-body' });
    expect(logLines).toEqual([
      expect.objectContaining({ status: 200, failure: 'bad-body', retries: 2 }),
    ]);
  });

  it('observes every attempt by provider, operation and outcome, and counts retries', async () => {
    const { caller, metrics } = upstreamAnswering(
      { status: 502, body: '{}' },
      { status: 200, body: '{"ok":true}' },
    );
    await caller.send(REQUEST);
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
