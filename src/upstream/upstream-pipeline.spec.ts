import type { HttpService } from '@nestjs/axios';
import { z } from 'zod';
import {
  QUIET_POLICIES,
  testUpstreamPipeline,
  testUpstreamSender,
} from './upstream-pipeline.test-helpers';
import { iamTokenAuth, NO_AUTH, type UpstreamTarget } from './auth/auth-strategies';
import type { TokenSource } from './auth/token-retry';
import { ProblemError } from '../common/problem';
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
  return testUpstreamSender(http, {
    resilience: {
      retry: { maxRetries: 2, initialDelayMs: 1, maxDelayMs: 1 },
      circuitBreaker: { consecutiveFailures: 100, halfOpenAfterMs: 1_000 },
    },
  });
}

describe('UpstreamPipeline', () => {
  it('logs one line per call with outcome, retries and the upstream request id', async () => {
    const { sender, logLines } = upstreamAnswering(
      { status: 503, body: '{}' },
      { status: 200, body: '{"ok":true}' },
    );
    await expect(sender.send('iam', TARGET, CALL)).resolves.toMatchObject({ data: { ok: true } });
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
    const { sender, logLines } = upstreamAnswering(
      { status: 200, body: 'not json' },
      { status: 200, body: 'not json' },
      { status: 200, body: 'not json' },
    );
    await expect(sender.send('iam', TARGET, CALL)).rejects.toMatchObject({ kind: 'bad-body' });
    expect(logLines).toEqual([
      expect.objectContaining({ status: 200, failure: 'bad-body', retries: 2 }),
    ]);
  });

  it('observes every attempt by provider, operation and outcome, and counts retries', async () => {
    const { sender, metrics } = upstreamAnswering(
      { status: 502, body: '{}' },
      { status: 200, body: '{"ok":true}' },
    );
    await sender.send('iam', TARGET, CALL);
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

describe('UpstreamPipeline account step', () => {
  const TOKEN = '0123456789abcdef0123456789abcdef01234567';
  const TEAMS = {
    acme: {
      displayName: 'Acme',
      rainbond: {
        baseUrl: 'http://127.0.0.1:1/console/',
        teamName: 'o19p6wen',
        regions: ['region-1'],
        token: TOKEN,
        timeZone: 'Asia/Shanghai',
      },
    },
  };
  const GET_APP: UpstreamCall<{ ok: boolean }> = {
    operation: 'get-app',
    method: 'GET',
    path: '/openapi/v1/teams/o19p6wen/regions/region-1/apps/7',
    schema: z.object({ ok: z.boolean() }),
  };

  function teamPipeline() {
    const request = jest.fn().mockResolvedValue({ status: 200, data: '{"ok":true}', headers: {} });
    const http = { axiosRef: { request } } as unknown as HttpService;
    return { ...testUpstreamPipeline(http, TEAMS), request };
  }

  it("sends a team's call to that team's account, with its credentials, by team key", async () => {
    const { pipeline, request, logLines } = teamPipeline();
    await expect(pipeline.call('rainbond', 'acme', GET_APP)).resolves.toMatchObject({
      data: { ok: true },
    });
    expect(request.mock.calls[0][0]).toMatchObject({
      method: 'GET',
      url: 'http://127.0.0.1:1/console/openapi/v1/teams/o19p6wen/regions/region-1/apps/7',
      headers: { authorization: TOKEN },
    });
    expect(logLines).toEqual([expect.objectContaining({ provider: 'rainbond', status: 200 })]);
  });

  it('refuses a team without an account there with a 404 problem, sending and logging nothing', async () => {
    const { pipeline, request, logLines } = teamPipeline();
    const error = await pipeline.call('app-center', 'acme', GET_APP).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProblemError);
    expect(error).toMatchObject({
      status: 404,
      slug: 'provider-not-configured',
      detail: 'team acme has no Workspace account',
    });
    expect(request).not.toHaveBeenCalled();
    expect(logLines).toEqual([]);
  });
});

describe('UpstreamPipeline step order', () => {
  const WKS_401 = { error_code: 'WKS.0401', error_msg: 'The token is invalid or expired' };
  const UPLOAD: UpstreamCall<{ ok: boolean }> = {
    operation: 'publish',
    method: 'POST',
    path: '/apps',
    body: {},
    schema: z.object({ ok: z.boolean() }),
  };

  /** App Center with one slot and no queue, answering `answers` in turn. */
  function oneSlotAppCenter(...answers: { status: number; body: unknown }[]) {
    const request = jest.fn();
    for (const answer of answers) {
      request.mockResolvedValueOnce({
        status: answer.status,
        data: JSON.stringify(answer.body),
        headers: {},
      });
    }
    const http = { axiosRef: { request } } as unknown as HttpService;
    const upstreams = {
      ...QUIET_POLICIES.upstreams,
      appCenter: { ...QUIET_POLICIES.upstreams.appCenter, maxConcurrent: 1, maxQueued: 0 },
    };
    const sentTokens = () =>
      request.mock.calls.map(
        ([sent]: [{ headers: Record<string, string> }]) => sent.headers['x-auth-token'],
      );
    return { ...testUpstreamSender(http, { upstreams }), sentTokens };
  }

  /** A token source whose answers the test releases one by one. */
  function heldTokens() {
    const pending: ((token: string) => void)[] = [];
    const source = {
      get: jest.fn(() => new Promise<string>((resolve) => pending.push(resolve))),
      invalidate: jest.fn(),
    };
    return { source, release: (token: string) => pending.shift()!(token), pending };
  }

  const turns = async (n = 5) => {
    for (let i = 0; i < n; i++) await new Promise((resolve) => setImmediate(resolve));
  };
  const withToken = (source: TokenSource): UpstreamTarget => ({
    baseUrl: 'http://127.0.0.1:1',
    account: 'project',
    auth: iamTokenAuth(source),
  });
  const plain: UpstreamTarget = { baseUrl: 'http://127.0.0.1:1', account: 'other', auth: NO_AUTH };

  it('takes the IAM token before the bulkhead slot: a cold token holds no slot', async () => {
    const { sender } = oneSlotAppCenter(
      { status: 200, body: { ok: true } },
      { status: 200, body: { ok: true } },
    );
    const tokens = heldTokens();
    const cold = sender.send('app-center', withToken(tokens.source), UPLOAD);
    await turns();
    await expect(sender.send('app-center', plain, UPLOAD)).resolves.toMatchObject({ status: 200 });
    tokens.release('token-1');
    await expect(cold).resolves.toMatchObject({ status: 200 });
  });

  it('re-fetches a rejected token inside the same bulkhead slot, and logs one line', async () => {
    const { sender, logLines, sentTokens } = oneSlotAppCenter(
      { status: 401, body: WKS_401 },
      { status: 200, body: { ok: true } },
    );
    const tokens = heldTokens();
    const rejected = sender.send('app-center', withToken(tokens.source), UPLOAD);
    tokens.release('token-1');
    await turns();
    expect(tokens.source.invalidate).toHaveBeenCalledWith('token-1');
    expect(tokens.pending).toHaveLength(1);
    // While the new token is fetched the call still holds the only slot.
    await expect(sender.send('app-center', plain, UPLOAD)).rejects.toMatchObject({
      slug: 'upstream-busy',
    });
    tokens.release('token-2');
    await expect(rejected).resolves.toMatchObject({ status: 200 });
    expect(sentTokens()).toEqual(['token-1', 'token-2']);
    expect(logLines.filter((line) => line.operation === 'publish')).toEqual([
      expect.objectContaining({ failure: 'upstream-busy' }),
      expect.objectContaining({ status: 200, retries: 0 }),
    ]);
  });
});
