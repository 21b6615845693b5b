import { setTimeout as sleep } from 'node:timers/promises';
import { PUBLISH_EXAMPLES } from '../src/applications/applications.examples';
import { expectProblem, startTestGateway, type TestGateway } from './support/test-gateway';

const PUBLISH = '/v1/teams/acme/applications';
const appCenterBody = PUBLISH_EXAMPLES.appCenter.value;

/** Each request publishes a distinct app name, as the App Center rejects none of them. */
const publish = (gateway: TestGateway, i: number) =>
  gateway.request('POST', PUBLISH, {
    body: { ...(appCenterBody as object), name: `tool-${i}.exe` },
  });

describe('IAM token lifecycle through the gateway (counted by the IAM simulator)', () => {
  describe('cold cache', () => {
    let gateway: TestGateway;
    beforeAll(async () => {
      // 1000 requests from one caller at once: the per-caller rate limit is not under test here
      gateway = await startTestGateway((config) => ({
        ...config,
        rateLimit: { ...config.rateLimit, requestsPerWindow: 0 },
      }));
    });
    afterAll(() => gateway.close());

    it('answers 1000 concurrent Workspace publishes with exactly one IAM call', async () => {
      const started = Date.now();
      const responses = await Promise.all(
        Array.from({ length: 1000 }, (_, i) => publish(gateway, i)),
      );
      expect(responses.filter((response) => response.status !== 201)).toEqual([]);
      expect(gateway.sandbox.calls('iam')).toHaveLength(1);
      expect(gateway.sandbox.calls('app-center')).toHaveLength(1000);
      console.log(`1000 concurrent publishes: ${Date.now() - started} ms`);
    }, 60_000);

    it('drops a revoked token, fetches one new token and retries once, then succeeds', async () => {
      const [last] = gateway.sandbox.calls('app-center').slice(-1);
      gateway.sandbox.revokeToken(last.headers['x-auth-token']);
      gateway.sandbox.resetCalls();

      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => publish(gateway, 2000 + i)),
      );
      expect(responses.map((response) => response.status)).toEqual(Array(20).fill(201));
      expect(gateway.sandbox.calls('iam')).toHaveLength(1);
      const tokens = new Set(
        gateway.sandbox.calls('app-center').map((call) => call.headers['x-auth-token']),
      );
      expect(tokens.size).toBe(2);
    });
  });

  describe('IAM errors', () => {
    let gateway: TestGateway;
    beforeAll(async () => {
      gateway = await startTestGateway();
    });
    afterAll(() => gateway.close());
    afterEach(() => gateway.sandbox.faults.clear());

    it('answers 503 with Retry-After when IAM throttles, naming IAM and its code', async () => {
      gateway.sandbox.faults.inject('iam', { kind: 'status', status: 429 }, { times: 1 });
      const response = await publish(gateway, 1);
      const problem = expectProblem(response, 503);
      expect(response.headers.get('retry-after')).toMatch(/^\d+$/);
      expect(problem.upstream).toMatchObject({ provider: 'iam', status: 429, code: 'APIGW.0308' });
      expect((await publish(gateway, 2)).status).toBe(201);
    });

    it('answers 502 naming the credential problem when IAM refuses the password (keystone error)', async () => {
      gateway.sandbox.faults.inject('iam', { kind: 'status', status: 401 }, { times: 1 });
      const response = await gateway.request('POST', '/v1/teams/globex/applications', {
        body: appCenterBody,
      });
      const problem = expectProblem(response, 502);
      expect(problem.type).toMatch(/upstream-credentials-rejected$/);
      expect(problem.upstream).toMatchObject({ provider: 'iam', status: 401, code: '401' });
      expect(problem.detail).not.toContain(gateway.sandbox.secrets.iamPasswords.globex);
    });
  });

  describe('expiry mid-traffic', () => {
    let gateway: TestGateway;
    // Tokens live 4 s; the gateway uses one until 1 s before expiry (3 s) and starts refreshing
    // 1.5 s before that (refresh-ahead is capped at half the usable life).
    beforeAll(async () => {
      gateway = await startTestGateway(
        (config) => ({
          ...config,
          iam: { ...config.iam, tokenExpiryMarginSeconds: 1, refreshAheadSeconds: 2 },
        }),
        { iamTokenTtlSeconds: 4 },
      );
    });
    afterAll(() => gateway.close());

    it('refreshes once in the background while requests keep succeeding with the old token', async () => {
      const first = await publish(gateway, 0);
      expect(first.status).toBe(201);
      const firstToken = gateway.sandbox.calls('app-center')[0].headers['x-auth-token'];

      // Into the refresh window; IAM now takes a while to answer the refresh.
      await sleep(1700);
      gateway.sandbox.faults.inject('iam', { kind: 'latency', ms: 600 }, { times: 1 });
      const duringRefresh = await Promise.all(
        Array.from({ length: 20 }, (_, i) => publish(gateway, 100 + i)),
      );
      // They were answered with the old token while IAM was still working on the new one.
      expect(gateway.sandbox.iamTokensIssued()).toBe(1);
      expect(duringRefresh.map((response) => response.status)).toEqual(Array(20).fill(201));

      while (gateway.sandbox.iamTokensIssued() < 2) await sleep(50);
      const after = await Promise.all(
        Array.from({ length: 20 }, (_, i) => publish(gateway, 200 + i)),
      );
      expect(after.map((response) => response.status)).toEqual(Array(20).fill(201));

      expect(gateway.sandbox.calls('iam')).toHaveLength(2);
      const tokens = gateway.sandbox
        .calls('app-center')
        .map((call) => call.headers['x-auth-token']);
      expect(tokens.slice(0, 21)).toEqual(Array(21).fill(firstToken));
      const later = new Set(tokens.slice(21));
      expect(later.size).toBe(1);
      expect(later.has(firstToken)).toBe(false);
    });
  });
});
